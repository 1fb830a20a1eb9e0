package dev.parley.llm;

/**
 * Receives one streamed reply. Callbacks arrive on an HTTP thread, one at a time and in order;
 * {@link #onComplete} and {@link #onError} are terminal and mutually exclusive.
 */
public interface LlmListener {

    /** A non-empty piece of the reply, in order. */
    void onToken(String token);

    /** The reply ended normally ({@code [DONE]} or {@code done: true}). */
    void onComplete(LlmUsage usage);

    /** The reply failed; tokens already delivered stay delivered. */
    void onError(LlmException error);
}
