package dev.parley.server;

import dev.parley.tts.Synthesizer;

/**
 * The voice chosen for a stream.
 *
 * @param voiceId the voice's id, or {@code null} when nothing can speak
 * @param synthesizer speaks chunks with that voice, or {@code null} for a text-only stream
 */
public record Speech(String voiceId, Synthesizer synthesizer) {

    /** No voice is installed: the reply streams as text only. */
    public static final Speech NONE = new Speech(null, null);
}
