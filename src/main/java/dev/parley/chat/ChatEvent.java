package dev.parley.chat;

import dev.parley.audio.Pcm;

/**
 * What a chat turn produces, in order: one {@link Started}, then {@link Token}s interleaved with
 * {@link Audio} chunks, then at most one {@link NotSaved}, then exactly one terminal event:
 * {@link Completed}, {@link Cancelled} or {@link Failed}. Nothing follows a terminal event. The WebSocket server and the window are both
 * listeners of this one stream.
 */
public sealed interface ChatEvent {

    /** Whether this event ends the turn. */
    default boolean isTerminal() {
        return false;
    }

    /**
     * The turn began; the reply is being requested.
     *
     * @param conversationId the conversation the turn belongs to, new or continued
     */
    record Started(String conversationId) implements ChatEvent {
    }

    /**
     * A piece of the reply.
     *
     * @param token the new text, raw as the model wrote it
     * @param text the reply so far
     */
    record Token(String token, String text) implements ChatEvent {
    }

    /**
     * Speech for one chunk of the reply, in text order.
     *
     * @param index 0 for the first chunk of the turn, then 1, 2, ... without gaps
     * @param text the words spoken (cleaned of markup)
     * @param pcm the audio, at the voice's own sample rate
     * @param start where the chunk begins in the raw reply
     * @param end where the chunk ends in the raw reply (exclusive)
     */
    record Audio(int index, String text, Pcm pcm, int start, int end) implements ChatEvent {
    }

    /**
     * The turn could not be stored (disk full, read-only data folder); it still runs to its end,
     * and the terminal event follows. Delivered at most once, right before the terminal event.
     *
     * @param message what went wrong, fit to show a person
     */
    record NotSaved(String message) implements ChatEvent {
    }

    /**
     * The reply is complete and every audio chunk has been delivered.
     *
     * @param text the full reply
     * @param metrics how fast it went
     */
    record Completed(String text, TurnMetrics metrics) implements ChatEvent {
        @Override
        public boolean isTerminal() {
            return true;
        }
    }

    /**
     * The turn was stopped on request; the reply is stored as interrupted.
     *
     * @param text what had been produced
     */
    record Cancelled(String text) implements ChatEvent {
        @Override
        public boolean isTerminal() {
            return true;
        }
    }

    /**
     * The turn failed.
     *
     * @param code the protocol's error code (400, 401, 404, 409, 413, 429, 500, 502, 503)
     * @param message what went wrong and how to fix it, fit to show a person
     * @param text what had been produced before the failure
     */
    record Failed(int code, String message, String text) implements ChatEvent {
        @Override
        public boolean isTerminal() {
            return true;
        }
    }
}
