package dev.parley.ui.voices;

import dev.parley.audio.Pcm;
import dev.parley.tts.Voice;

/**
 * Speaks a short sample sentence in one installed voice, for the voices dialog's "Play sample".
 * Called on a background thread; may block until the audio is synthesized.
 */
@FunctionalInterface
public interface SampleSpeaker {

    /**
     * @param voice an available voice from the installed list
     * @param text the sentence to speak, in the voice's language when known
     * @return the audio at the voice's own sample rate
     * @throws Exception when the voice cannot be selected or synthesis fails; the message is
     *     shown to the person
     */
    Pcm speak(Voice voice, String text) throws Exception;
}
