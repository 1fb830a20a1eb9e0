package dev.parley.chat;

import dev.parley.tts.Synthesizer;
import java.util.Objects;

/**
 * One message to answer.
 *
 * @param message what the person wrote; validated by the caller (non-blank, not too long)
 * @param conversationId the conversation to continue, or {@code null} for a new one
 * @param synthesizer the voice to speak the reply with, or {@code null} to send text only
 */
public record TurnRequest(String message, String conversationId, Synthesizer synthesizer) {

    public TurnRequest {
        Objects.requireNonNull(message, "message");
        if (conversationId != null && !ConversationIds.isValid(conversationId)) {
            throw new IllegalArgumentException("invalid conversation id: " + conversationId);
        }
    }
}
