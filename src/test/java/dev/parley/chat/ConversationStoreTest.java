package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.concurrent.DaemonThreads;
import dev.parley.llm.ChatMessage.Role;
import dev.parley.testing.NamedPipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
    void corruptFilesAreMovedAsideAndAMisplacedOneIsLeftAlone() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{not json");
        Files.writeString(dir.resolve("empty.json"), "");
        Files.writeString(dir.resolve("wrong.json"), "{\"id\":\"other\",\"title\":\"\",\"created_at\":\"2026-11-27T10:00:00Z\","
                + "\"updated_at\":\"2026-11-27T10:00:00Z\",\"messages\":[]}");
        Files.writeString(dir.resolve("role.json"), "{\"id\":\"role\",\"title\":\"\",\"created_at\":\"2026-11-27T10:00:00Z\","
                + "\"updated_at\":\"2026-11-27T10:00:00Z\",\"messages\":[{\"role\":\"robot\",\"content\":\"\",\"at\":\"2026-11-27T10:00:00Z\"}]}");
        ConversationStore store = new ConversationStore(dir, clock);
        assertThat(store.list()).isEmpty();
        assertThat(store.find("broken")).isEmpty();
        assertThat(names()).containsExactlyInAnyOrder("wrong.json",
                "broken.json.corrupt-20261127T100000000Z", "empty.json.corrupt-20261127T100000000Z",
                "role.json.corrupt-20261127T100000000Z");
        assertThat(Files.readString(dir.resolve("broken.json.corrupt-20261127T100000000Z"))).isEqualTo("{not json");

        store.append("broken", message(Role.USER, "a new start", "2026-11-27T10:00:01Z", false));
        assertThat(new ConversationStore(dir, clock).find("broken").orElseThrow().messages()).hasSize(1);
    }

    @Test
    void whatCannotBeReadAtAllIsSkippedAndLeftInPlace() throws Exception {
        Files.createDirectory(dir.resolve("odd.json"));

        assertThat(new ConversationStore(dir, clock).list()).isEmpty();
        assertThat(names()).containsExactly("odd.json");
    }

    @Test
    void aFileTruncatedAfterStartIsMovedAsideWhenLoaded() throws Exception {
        ConversationStore writer = new ConversationStore(dir, clock);
        writer.append("cut", message(Role.USER, "hello there", "2026-11-27T10:00:01Z", false));
        ConversationStore store = new ConversationStore(dir, clock);
        AtomicInteger changes = new AtomicInteger();
        store.addListener(changes::incrementAndGet);
        byte[] whole = Files.readAllBytes(dir.resolve("cut.json"));
        Files.write(dir.resolve("cut.json"), java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThat(store.list()).extracting(ConversationSummary::id).containsExactly("cut");
        assertThat(store.find("cut")).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(changes).as("the list changed").hasValue(1);
        assertThat(names()).containsExactly("cut.json.corrupt-20261127T100000000Z");
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedAtStart() throws Exception {
        new ConversationStore(dir, clock).append("kept", message(Role.USER, "hi", "2026-11-27T10:00:01Z", false));
        Files.writeString(dir.resolve(".kept.json.tmp"), "{\"id\":\"ke");

        ConversationStore store = new ConversationStore(dir, clock);

        assertThat(names()).containsExactly("kept.json");
        assertThat(store.find("kept").orElseThrow().messages()).hasSize(1);
    }

    @Test
    void aFolderThatCannotBeCreatedStartsAnEmptyStoreWhoseSavesFail() throws Exception {
        Path blocked = dir.resolve("data");
        Files.writeString(blocked, "a file where the data folder should be");

        ConversationStore store = new ConversationStore(blocked.resolve("conversations"), clock);

        assertThat(store.list()).isEmpty();
        assertThat(store.find("any")).isEmpty();
        assertThatThrownBy(() -> store.append("any", message(Role.USER, "hi", "2026-11-27T10:00:01Z", false)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aFolderDeletedWhileRunningIsCreatedAgainOnTheNextSave() throws Exception {
        Path folder = dir.resolve("conversations");
        ConversationStore store = new ConversationStore(folder, clock);
        Files.delete(folder);

        store.append("back", message(Role.USER, "hi", "2026-11-27T10:00:01Z", false));

        assertThat(new ConversationStore(folder, clock).find("back")).isPresent();
    }

    @Test
    void aFailedWriteLeavesTheEarlierVersionAndNoTemporaryFile() throws Exception {
        ConversationStore store = new ConversationStore(dir, clock);
        store.append("full", message(Role.USER, "first", "2026-11-27T10:00:01Z", false));
        Path temporary = dir.resolve(".full.json.tmp");
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        // Writes through the link reach /dev/full, which fails every write with ENOSPC, as a full disk does.
        Files.createSymbolicLink(temporary, Path.of("/dev/full"));

        assertThatThrownBy(() -> store.append("full", message(Role.ASSISTANT, "second", "2026-11-27T10:00:02Z", false)))
                .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");

        assertThat(names()).containsExactly("full.json");
        assertThat(new ConversationStore(dir, clock).find("full").orElseThrow().messages())
                .extracting(StoredMessage::content).containsExactly("first");
    }

    @Test
    void concurrentChangesOfManyConversationsLoseNothingAndKeepEachWritersOrder() throws Exception {
        ConversationStore store = new ConversationStore(dir, clock);
        int conversations = 6;
        int writersEach = 3;
        int messagesEach = 20;
        ExecutorService pool = Executors.newFixedThreadPool(conversations * writersEach + 1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < conversations * writersEach; w++) {
                String id = "c" + w % conversations;
                String writer = "w" + w;
                writers.add(pool.submit(() -> {
                    for (int m = 0; m < messagesEach; m++) {
                        store.append(id, message(Role.USER, writer + "-" + m, "2026-11-27T10:00:01Z", false));
                    }
                    return null;
                }));
            }
            // Whole versions of one more conversation, saved by one thread: the last must win.
            writers.add(pool.submit(() -> {
                Conversation versions = Conversation.empty("whole", clock.instant());
                for (int m = 0; m < messagesEach; m++) {
                    versions = versions.append(message(Role.USER, "v" + m, "2026-11-27T10:00:01Z", false));
                    store.save(versions);
                }
                return null;
            }));
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        ConversationStore reopened = new ConversationStore(dir, clock);
        for (int c = 0; c < conversations; c++) {
            List<String> texts = reopened.find("c" + c).orElseThrow().messages().stream()
                    .map(StoredMessage::content).toList();
            assertThat(texts).as("every append of c%d is on disk", c).hasSize(writersEach * messagesEach);
            for (int w = c; w < conversations * writersEach; w += conversations) {
                String writer = "w" + w;
                assertThat(texts.stream().filter(t -> t.startsWith(writer + "-")))
                        .as("%s's appends in the order it made them", writer)
                        .containsExactlyElementsOf(IntStream.range(0, messagesEach)
                                .mapToObj(m -> writer + "-" + m).toList());
            }
        }
        assertThat(reopened.find("whole").orElseThrow().messages()).hasSize(messagesEach);
        assertThat(reopened.list()).containsExactlyInAnyOrderElementsOf(store.list());
        assertThat(names()).allSatisfy(name -> assertThat(name).doesNotEndWith(".tmp"));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSaveStuckOnTheDiskHoldsUpNeitherOtherConversationsNorTheListNorItsOwnVersionInMemory()
            throws Exception {
        new ConversationStore(dir, clock).append("old", message(Role.USER, "only on disk", "2026-11-27T10:00:00Z",
                false));
        ConversationStore store = new ConversationStore(dir, clock);
        store.append("stuck", message(Role.USER, "first", "2026-11-27T10:00:01Z", false));
        Path temporary = dir.resolve(".stuck.json.tmp");
        NamedPipe.make(temporary);
        ExecutorService pool = Executors.newFixedThreadPool(3, DaemonThreads.named("store-test-"));
        try {
            // More than a pipe holds (64 KiB): the save blocks writing its temporary file, as on a stalled disk.
            Future<Conversation> stuck = pool.submit(() -> store.append("stuck",
                    message(Role.ASSISTANT, "x".repeat(256 * 1024), "2026-11-27T10:00:02Z", false)));
            // Opening a pipe waits for its other end: on a pool thread, so a save that never writes fails the test.
            try (InputStream pipe = pool.submit(() -> Files.newInputStream(temporary)).get(1, TimeUnit.MINUTES)) {
                assertThat(pipe.read()).as("the stuck save is writing").isNotNegative();

                Future<Conversation> other = pool.submit(() -> store.append("other",
                        message(Role.USER, "not kept waiting", "2026-11-27T10:00:03Z", false)));
                // Limits only guard against a hang: a lock held while writing kept these waiting for ever.
                assertThat(other.get(1, TimeUnit.MINUTES).messages()).hasSize(1);
                assertThat(pool.submit(store::list).get(1, TimeUnit.MINUTES))
                        .extracting(ConversationSummary::id, ConversationSummary::messageCount)
                        .containsExactlyInAnyOrder(tuple("old", 1), tuple("stuck", 1), tuple("other", 1));
                assertThat(pool.submit(() -> store.find("old")).get(1, TimeUnit.MINUTES))
                        .as("read from disk").hasValueSatisfying(c -> assertThat(c.messages()).hasSize(1));
                assertThat(pool.submit(() -> store.find("stuck")).get(1, TimeUnit.MINUTES))
                        .as("the version on disk, from memory")
                        .hasValueSatisfying(c -> assertThat(c.messages()).extracting(StoredMessage::content)
                                .containsExactly("first"));
                assertThat(stuck).isNotDone();
                pipe.transferTo(OutputStream.nullOutputStream());
            }
            // A pipe cannot be fsynced, so the stuck save fails: the earlier version stays, on disk and in the list.
            assertThatThrownBy(() -> stuck.get(1, TimeUnit.MINUTES)).hasCauseInstanceOf(IOException.class);
            assertThat(store.find("stuck").orElseThrow().messages()).hasSize(1);
            assertThat(names()).containsExactlyInAnyOrder("old.json", "stuck.json", "other.json");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReadStuckOnTheDiskHoldsUpNeitherOtherConversationsNorTheList() throws Exception {
        new ConversationStore(dir, clock).append("slow", message(Role.USER, "from a slow disk", "2026-11-27T10:00:01Z",
                false));
        // Listed at start but not kept in memory, so finding it reads its file.
        ConversationStore store = new ConversationStore(dir, clock);
        Path file = dir.resolve("slow.json");
        byte[] contents = Files.readAllBytes(file);
        Files.delete(file);
        NamedPipe.make(file);
        ExecutorService pool = Executors.newFixedThreadPool(3, DaemonThreads.named("store-test-"));
        try {
            // Reading a pipe blocks until it is written, as a read from a stalled disk does.
            Future<Optional<Conversation>> slow = pool.submit(() -> store.find("slow"));
            // Opening the writing end returns once the find has opened the pipe to read it.
            try (OutputStream writer = pool.submit(() -> Files.newOutputStream(file)).get(1, TimeUnit.MINUTES)) {
                Future<Conversation> other = pool.submit(() -> store.append("other",
                        message(Role.USER, "not kept waiting", "2026-11-27T10:00:03Z", false)));
                // Limits only guard against a hang: a lock held while reading kept these waiting for ever.
                assertThat(other.get(1, TimeUnit.MINUTES).messages()).hasSize(1);
                assertThat(pool.submit(store::list).get(1, TimeUnit.MINUTES))
                        .extracting(ConversationSummary::id).containsExactlyInAnyOrder("slow", "other");
                assertThat(slow).isNotDone();
                writer.write(contents);
            }
            assertThat(slow.get(1, TimeUnit.MINUTES)).hasValueSatisfying(c -> assertThat(c.messages())
                    .extracting(StoredMessage::content).containsExactly("from a slow disk"));
        } finally {
            pool.shutdownNow();
        }
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

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void titleIsTheFirstUserMessageOnOneLineCutAtAWord() {
        assertThat(Conversation.titleFrom("  Hello\n\nthere  ")).isEqualTo("Hello there");
        String long_ = "Tell me everything you know about the history of the Roman Empire and its fall please";
        assertThat(Conversation.titleFrom(long_)).isEqualTo("Tell me everything you know about the history of the Roman…")
                .hasSizeLessThanOrEqualTo(Conversation.TITLE_LENGTH);
    }
}
