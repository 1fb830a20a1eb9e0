package dev.parley.llm;

/** A reply being streamed. */
public interface LlmCall {

    /**
     * Stops the reply at once: the HTTP request is cancelled so no more tokens are generated or
     * paid for, and the listener gets no further callbacks once this returns. Idempotent; safe
     * from any thread.
     */
    void cancel();
}
