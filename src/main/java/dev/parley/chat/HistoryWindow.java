package dev.parley.chat;

import dev.parley.llm.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses what a request sends: the system prompt, as many of the latest earlier messages as fit
 * the character budget, and the new user message. The oldest messages go first; the system prompt
 * and the new message are always sent, even when they alone exceed the budget. A question that got
 * no answer (its reply failed or was stopped before any text) is left out with its empty reply, so
 * the history alternates user and assistant as strict chat templates require.
 */
public final class HistoryWindow {

    private final int budgetChars;

    /** @param budgetChars characters of earlier messages allowed per request */
    public HistoryWindow(int budgetChars) {
        if (budgetChars < 0) {
            throw new IllegalArgumentException("budget must not be negative");
        }
        this.budgetChars = budgetChars;
    }

    public List<ChatMessage> build(String systemPrompt, List<StoredMessage> stored, String newMessage) {
        List<StoredMessage> earlier = answered(stored);
        int used = 0;
        int first = earlier.size();
        while (first > 0) {
            int length = earlier.get(first - 1).content().length();
            if (used + length > budgetChars) {
                break;
            }
            used += length;
            first--;
        }
        // A reply without the question it answers confuses models, so never start on an assistant message.
        while (first < earlier.size() && earlier.get(first).role() == ChatMessage.Role.ASSISTANT) {
            first++;
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(systemPrompt));
        for (StoredMessage message : earlier.subList(first, earlier.size())) {
            messages.add(message.toChatMessage());
        }
        messages.add(ChatMessage.user(newMessage));
        return messages;
    }

    /** The messages without unanswered questions and empty replies. */
    private static List<StoredMessage> answered(List<StoredMessage> stored) {
        List<StoredMessage> kept = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            StoredMessage message = stored.get(i);
            boolean lastOrFollowedByUser = i + 1 == stored.size() || stored.get(i + 1).role() == ChatMessage.Role.USER;
            boolean nextIsEmptyReply = i + 1 < stored.size() && stored.get(i + 1).role() == ChatMessage.Role.ASSISTANT
                    && stored.get(i + 1).content().isEmpty();
            if (message.content().isEmpty()
                    || (message.role() == ChatMessage.Role.USER && (lastOrFollowedByUser || nextIsEmptyReply))) {
                continue;
            }
            kept.add(message);
        }
        return kept;
    }
}
