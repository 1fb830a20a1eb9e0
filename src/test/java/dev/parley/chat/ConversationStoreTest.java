package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.llm.ChatMessage.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationStoreTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private static StoredMessage message(Role role, String text, String at, boolean interrupted) {
        return new StoredMessage(role, text, Instant.parse(at), interrupted);
    }

    @Test
    void savedConversationsAreReloadedAfterARestart() throws Exception {
        ConversationStore store = new ConversationStore(dir, clock);
        Conversation conversation = Conversation.empty("abc", clock.instant())
                .append(message(Role.USER, "Wie geht's? Ça va — naïve 🎉", "2026-11-27T10:00:01Z", false))
                .append(message(Role.ASSISTANT, "Gut, danke.", "2026-11-27T10:00:02Z", true));
        store.save(conversation);

        ConversationStore reopened = new ConversationStore(dir, clock);
        assertThat(reopened.find("abc")).contains(conversation);
        assertThat(reopened.find("abc").orElseThrow().messages().get(1).interrupted()).isTrue();
        assertThat(reopened.find("abc").orElseThrow().title()).isEqualTo("Wie geht's? Ça va — naïve 🎉");
        assertThat(Files.readString(dir.resolve("abc.json"))).contains("\"interrupted\" : true");
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws Exception {
        ConversationStore store = new ConversationStore(dir, clock);
        Conversation c = Conversation.empty("x", clock.instant());
        for (int i = 0; i < 5; i++) {
            c = c.append(message(Role.USER, "m" + i, "2026-11-27T10:00:0" + i + "Z", false));
            store.save(c);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.json");
        }
        assertThat(new ConversationStore(dir, clock).find("x").orElseThrow().messages()).hasSize(5);
    }

    @Test
    void listIsNewestFirstAndRenameAndDeleteWork() throws Exception {
        ConversationStore store = new ConversationStore(dir, clock);
        store.save(Conversation.empty("old", clock.instant())
                .append(message(Role.USER, "first", "2026-11-01T00:00:00Z", false)));
        store.save(Conversation.empty("new", clock.instant())
                .append(message(Role.USER, "second", "2026-11-20T00:00:00Z", false)));
        assertThat(store.list()).extracting(ConversationSummary::id).containsExactly("new", "old");

        assertThat(store.rename("old", "  Renamed  ")).isTrue();
        assertThat(store.list()).extracting(ConversationSummary::id).containsExactly("old", "new");
        assertThat(store.find("old").orElseThrow().title()).isEqualTo("Renamed");
        assertThat(store.rename("missing", "x")).isFalse();

        assertThat(store.delete("new")).isTrue();
        assertThat(store.delete("new")).isFalse();
        assertThat(Files.exists(dir.resolve("new.json"))).isFalse();
        assertThat(new ConversationStore(dir, clock).list()).extracting(ConversationSummary::id).containsExactly("old");
    }

    @Test
    void unreadableFilesAreSkippedAndLeftAlone() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{not json");
        Files.writeString(dir.resolve("wrong.json"), "{\"id\":\"other\",\"title\":\"\",\"created_at\":\"2026-11-27T10:00:00Z\","
                + "\"updated_at\":\"2026-11-27T10:00:00Z\",\"messages\":[]}");
        Files.writeString(dir.resolve("role.json"), "{\"id\":\"role\",\"title\":\"\",\"created_at\":\"2026-11-27T10:00:00Z\","
                + "\"updated_at\":\"2026-11-27T10:00:00Z\",\"messages\":[{\"role\":\"robot\",\"content\":\"\",\"at\":\"2026-11-27T10:00:00Z\"}]}");
        ConversationStore store = new ConversationStore(dir, clock);
        assertThat(store.list()).isEmpty();
        assertThat(Files.readString(dir.resolve("broken.json"))).isEqualTo("{not json");
    }

    @Test
    void oneTurnAtATimePerConversation() throws Exception {
        ConversationStore store = new ConversationStore(dir, clock);
        assertThat(store.tryBeginTurn("a")).isTrue();
        assertThat(store.tryBeginTurn("a")).isFalse();
        assertThat(store.tryBeginTurn("b")).isTrue();
        store.endTurn("a");
        assertThat(store.tryBeginTurn("a")).isTrue();
    }

    @Test
    void listenersHearEveryChange() throws Exception {
        ConversationStore store = new ConversationStore(dir, clock);
        AtomicInteger changes = new AtomicInteger();
        store.addListener(changes::incrementAndGet);
        store.save(Conversation.empty("a", clock.instant()));
        store.rename("a", "title");
        store.delete("a");
        assertThat(changes).hasValue(3);
    }

    @Test
    void titleIsTheFirstUserMessageOnOneLineCutAtAWord() {
        assertThat(Conversation.titleFrom("  Hello\n\nthere  ")).isEqualTo("Hello there");
        String long_ = "Tell me everything you know about the history of the Roman Empire and its fall please";
        assertThat(Conversation.titleFrom(long_)).isEqualTo("Tell me everything you know about the history of the Roman…")
                .hasSizeLessThanOrEqualTo(Conversation.TITLE_LENGTH);
    }
}
