package dev.parley.chat;

import java.time.Instant;

/**
 * What the sidebar lists of a conversation.
 *
 * @param id the conversation id
 * @param title its title (first user message unless renamed)
 * @param updatedAt when it last changed
 * @param messageCount how many messages it holds
 */
public record ConversationSummary(String id, String title, Instant updatedAt, int messageCount) {
}
