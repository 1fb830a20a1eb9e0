package dev.parley.chat;

/** A turn under way, as returned by {@link ChatService#start}. */
public interface ChatTurn {

    /** The conversation this turn belongs to (generated when the request named none). */
    String conversationId();

    /**
     * Stops the turn at once: the LLM request is cancelled, pending synthesis is dropped, and the
     * listener receives {@link ChatEvent.Cancelled} with what was produced, unless the turn had
     * already ended, in which case nothing happens. Safe from any thread; idempotent.
     */
    void cancel();
}
