package dev.parley.chat;

import dev.parley.llm.ChatMessage;
import java.time.Instant;
import java.util.Objects;

/**
 * One message of a stored conversation.
 *
 * @param role who said it ({@code USER} or {@code ASSISTANT})
 * @param content the text; for the assistant, the raw reply as shown
 * @param at when it was said
 * @param interrupted whether the reply was cut off, cancelled or failed before its end
 */
public record StoredMessage(ChatMessage.Role role, String content, Instant at, boolean interrupted) {

    public StoredMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(at, "at");
    }

    /** The message as sent back to a provider in the history. */
    public ChatMessage toChatMessage() {
        return new ChatMessage(role, content);
    }
}
