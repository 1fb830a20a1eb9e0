package dev.parley.tts;

import dev.parley.audio.Pcm;
import java.util.List;

/**
 * A text-to-speech engine: espeak-ng (always there when the package is installed) or Piper voices
 * on ONNX Runtime.
 *
 * <p>Implementations are thread-safe: {@link #synthesize} is called concurrently from the shared
 * synthesis pool, and {@link #voices} from server and UI threads.
 */
public interface TtsEngine {

    /** The engine's name as shown in {@code /voices}: {@code espeak-ng} or {@code piper}. */
    String name();

    /**
     * Every voice this engine knows of right now, including ones that cannot be used (with
     * {@link Voice#available()} false and a reason). Cheap enough to call per request.
     */
    List<Voice> voices();

    /**
     * Synthesizes one chunk of already cleaned text. Blocks until done.
     *
     * @param text the words to speak, free of markup; may be several sentences
     * @param voice one of {@link #voices()}, available
     * @param settings rate and speaker
     * @return the audio at the voice's own sample rate; empty samples when nothing was spoken
     * @throws TtsException when the engine fails; the caller skips this chunk
     */
    Pcm synthesize(String text, Voice voice, SpeechSettings settings) throws TtsException;
}
