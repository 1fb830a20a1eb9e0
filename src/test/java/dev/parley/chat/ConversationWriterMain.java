package dev.parley.chat;

import dev.parley.llm.ChatMessage.Role;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child JVM of {@link KilledWriterTest}: appends to sixteen conversations round robin through the
 * real store as fast as it can, printing {@code writing} once each conversation is on disk, until
 * it is killed (or after a minute, so a lost parent leaves no process behind).
 */
public final class ConversationWriterMain {

    static final int CONVERSATIONS = 16;

    private ConversationWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        ConversationStore store = new ConversationStore(Path.of(args[0]), Clock.systemUTC());
        String filler = "Words enough to make every file a few pages long. ".repeat(40);
        long stopAt = System.nanoTime() + 60_000_000_000L;
        for (long i = 0; System.nanoTime() < stopAt; i++) {
            Role role = i / CONVERSATIONS % 2 == 0 ? Role.USER : Role.ASSISTANT;
            store.append("c-" + i % CONVERSATIONS, new StoredMessage(role, i + " " + filler, store.clock().instant(), false));
            if (i == CONVERSATIONS - 1) {
                System.out.println("writing");
                System.out.flush();
            }
        }
    }
}
