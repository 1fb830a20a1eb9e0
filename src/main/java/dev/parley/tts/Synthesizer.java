package dev.parley.tts;

import dev.parley.audio.Pcm;

/**
 * Speech for one chat turn: a voice already chosen, bound to its engine and settings. The chat
 * pipeline calls it from the shared synthesis pool, one chunk at a time per turn but concurrently
 * across turns.
 */
@FunctionalInterface
public interface Synthesizer {

    /** Speaks one chunk of cleaned text; see {@link TtsEngine#synthesize}. */
    Pcm synthesize(String text) throws TtsException;

    /** Binds a voice and settings of an engine. */
    static Synthesizer of(TtsEngine engine, Voice voice, SpeechSettings settings) {
        return text -> engine.synthesize(text, voice, settings);
    }
}
