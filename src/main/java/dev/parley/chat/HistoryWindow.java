package dev.parley.chat;

import dev.parley.llm.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses what a request sends: the system prompt, as many of the latest earlier messages as fit
 * the character budget, and the new user message. The oldest messages go first; the system prompt
 * and the new message are always sent, even when they alone exceed the budget.
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

    public List<ChatMessage> build(String systemPrompt, List<StoredMessage> earlier, String newMessage) {
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
            if (!message.content().isEmpty()) {
                messages.add(message.toChatMessage());
            }
        }
        messages.add(ChatMessage.user(newMessage));
        return messages;
    }
}
