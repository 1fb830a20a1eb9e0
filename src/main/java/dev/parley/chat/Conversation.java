package dev.parley.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conversation as stored: immutable; changes make a new instance.
 *
 * @param id 1 to 64 characters of {@code [A-Za-z0-9_-]}
 * @param title what the sidebar shows: the first user message unless renamed
 * @param createdAt when it began
 * @param updatedAt when it last changed
 * @param messages user and assistant messages in order
 */
public record Conversation(String id, String title, Instant createdAt, Instant updatedAt, List<StoredMessage> messages) {

    static final int TITLE_LENGTH = 60;

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        messages = List.copyOf(messages);
    }

    /** A conversation with no messages yet. */
    public static Conversation empty(String id, Instant now) {
        return new Conversation(id, "", now, now, List.of());
    }

    /** This conversation with one more message; the first user message becomes the title if there is none. */
    public Conversation append(StoredMessage message) {
        List<StoredMessage> next = new ArrayList<>(messages);
        next.add(message);
        String nextTitle = title.isEmpty() && message.role() == dev.parley.llm.ChatMessage.Role.USER
                ? titleFrom(message.content())
                : title;
        return new Conversation(id, nextTitle, createdAt, message.at(), next);
    }

    public Conversation withTitle(String newTitle, Instant now) {
        return new Conversation(id, newTitle.strip(), createdAt, now, messages);
    }

    /** A one-line title of at most {@value #TITLE_LENGTH} characters, cut at a word when possible. */
    static String titleFrom(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= TITLE_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', TITLE_LENGTH - 1);
        return (cut > TITLE_LENGTH / 2 ? line.substring(0, cut) : line.substring(0, TITLE_LENGTH - 1)) + "…";
    }
}
