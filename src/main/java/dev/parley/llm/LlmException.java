package dev.parley.llm;

/**
 * A failed call, already translated into the protocol's terms: {@link #code()} is the code of the
 * {@code error} message (401, 404, 429, 502, 503, ...), and the message is the text shown to the
 * person, which never contains the API key.
 */
public class LlmException extends Exception {

    private final int code;

    public LlmException(int code, String message) {
        super(message);
        this.code = code;
    }

    public LlmException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
