package dev.parley.tts;

/** A chunk could not be synthesized. The message is fit for a log line. */
public class TtsException extends Exception {

    public TtsException(String message) {
        super(message);
    }

    public TtsException(String message, Throwable cause) {
        super(message, cause);
    }
}
