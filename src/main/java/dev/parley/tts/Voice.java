package dev.parley.tts;

import java.util.List;
import java.util.Objects;

/**
 * One voice as listed by {@code /voices}.
 *
 * @param id stable identifier, e.g. {@code en_US-lessac-medium} or {@code espeak-ng:en-us}
 * @param language language code in {@code ll_RR} or {@code ll} form, e.g. {@code en_US}
 * @param engine {@code piper} or {@code espeak-ng}
 * @param quality Piper quality ({@code x_low}, {@code low}, {@code medium}, {@code high}); {@code null} for espeak-ng
 * @param sampleRate the rate of the audio this voice produces
 * @param speakers speaker names of a multi-speaker voice, in id order; empty otherwise
 * @param available whether the voice can be used
 * @param reason why it cannot be used; {@code null} when available
 */
public record Voice(
        String id,
        String language,
        String engine,
        String quality,
        int sampleRate,
        List<String> speakers,
        boolean available,
        String reason) {

    public Voice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(engine, "engine");
        speakers = List.copyOf(speakers);
    }
}
