package dev.parley.bench;

import dev.parley.Parley;
import dev.parley.audio.Pcm;
import dev.parley.chat.SpeechChunk;
import dev.parley.chat.SpeechChunker;
import dev.parley.tts.SpeechSettings;
import dev.parley.tts.Synthesizer;
import dev.parley.tts.TtsException;
import dev.parley.tts.Voice;
import dev.parley.tts.VoiceSelection;
import dev.parley.tts.VoiceSelectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Times voices on a fixed paragraph, cut into chunks as a streamed reply would be: the load (with a
 * warm-up sentence), then the steady-state real-time factor and time per chunk. Shared by
 * {@code --bench-voices} and {@code --bench}.
 */
final class VoiceTimings {

    static final String PARAGRAPH = "Sure, here is a quick overview. The Moon orbits the Earth about once every "
            + "twenty-seven days, and its gravity drives the ocean tides. Astronauts first walked on its surface "
            + "in 1969! Today, several space agencies plan to return, this time to stay longer. Would you like "
            + "to hear more about the missions?";

    /** Spoken once before timing, so that loading and first-run costs stay out of RTF and ms/chunk. */
    static final String WARM_UP = "Hello.";

    private VoiceTimings() {
    }

    /** The paragraph's chunks with words to speak. */
    private static List<SpeechChunk> chunks() {
        SpeechChunker chunker = new SpeechChunker();
        List<SpeechChunk> chunks = new ArrayList<>();
        for (String word : PARAGRAPH.split("(?<= )")) {
            chunks.addAll(chunker.append(word));
        }
        chunks.addAll(chunker.finish());
        chunks.removeIf(chunk -> chunk.spoken().isBlank());
        return chunks;
    }

    /** Installed Piper voices, then espeak-ng's voice for the default language. */
    private static List<Voice> voices(Parley parley) {
        List<Voice> voices = new ArrayList<>();
        for (Voice voice : parley.voices()) {
            if (voice.engine().equals("piper")) {
                voices.add(voice);
            }
        }
        parley.voices().stream()
                .filter(v -> v.engine().equals("espeak-ng") && v.available())
                .filter(v -> v.language().equals(parley.config().language()))
                .findFirst()
                .ifPresent(voices::add);
        return voices;
    }

    /**
     * Measures every voice of {@link #voices} one after another.
     *
     * @param problems told, as one line each, of voices that are unavailable or failed
     */
    static List<VoiceFigures> measureAll(Parley parley, Consumer<String> problems) {
        List<SpeechChunk> chunks = chunks();
        List<VoiceFigures> figures = new ArrayList<>();
        for (Voice voice : voices(parley)) {
            if (!voice.available()) {
                problems.accept(voice.id() + " (" + voice.engine() + ") unavailable: " + voice.reason());
                continue;
            }
            try {
                figures.add(measure(parley, voice, chunks));
            } catch (TtsException | VoiceSelectionException e) {
                problems.accept(voice.id() + " (" + voice.engine() + ") failed: " + e.getMessage());
            }
        }
        return figures;
    }

    private static VoiceFigures measure(Parley parley, Voice voice, List<SpeechChunk> chunks)
            throws TtsException, VoiceSelectionException {
        VoiceSelection selection = parley.voiceSelector().select(voice.id(), null);
        if (!(selection instanceof VoiceSelection.Chosen chosen)) {
            throw new TtsException("no engine for " + voice.id());
        }
        Synthesizer synthesizer = chosen.synthesizer(SpeechSettings.DEFAULT);
        long loadStart = System.nanoTime();
        int sampleRate = synthesizer.synthesize(WARM_UP).sampleRate();
        long loadNanos = System.nanoTime() - loadStart;
        long computeNanos = 0;
        long firstNanos = 0;
        long audioMillis = 0;
        for (SpeechChunk chunk : chunks) {
            long start = System.nanoTime();
            Pcm pcm = synthesizer.synthesize(chunk.spoken());
            long elapsed = System.nanoTime() - start;
            if (computeNanos == 0) {
                firstNanos = elapsed;
            }
            computeNanos += elapsed;
            audioMillis += pcm.durationMillis();
        }
        double rtf = audioMillis == 0 ? Double.NaN : Percentiles.millis(computeNanos) / audioMillis;
        return new VoiceFigures(voice.id(), voice.engine(), sampleRate, Percentiles.millis(loadNanos), rtf,
                Percentiles.millis(firstNanos), Percentiles.millis(computeNanos) / chunks.size(), audioMillis / 1000.0);
    }
}
