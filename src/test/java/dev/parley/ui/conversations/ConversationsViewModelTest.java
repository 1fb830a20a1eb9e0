package dev.parley.ui.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.ChatService;
import dev.parley.chat.Conversation;
import dev.parley.chat.ConversationStore;
import dev.parley.chat.ConversationSummary;
import dev.parley.chat.HistoryWindow;
import dev.parley.chat.StoredMessage;
import dev.parley.concurrent.DaemonThreads;
import dev.parley.llm.ChatMessage.Role;
import dev.parley.testing.NamedPipe;
import dev.parley.testing.UiThread;
import dev.parley.ui.chat.ChatViewModel;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sidebar's view model without a toolkit, against a real store whose disk is made to stall. */
class ConversationsViewModelTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final UiThread ui = new UiThread();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, DaemonThreads.named("sidebar-test-"));
    private final ExecutorService background = Executors.newCachedThreadPool(DaemonThreads.named("sidebar-work-"));

    @AfterEach
    void stop() {
        pool.shutdownNow();
        background.shutdownNow();
        ui.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void renameAndDeleteLeaveTheFxThreadFreeWhileASaveOfTheSameConversationIsStuck() throws Exception {
        ConversationStore store = new ConversationStore(dir, clock);
        store.append("stuck", new StoredMessage(Role.USER, "first", clock.instant(), false));
        Path temporary = dir.resolve(".stuck.json.tmp");
        NamedPipe.make(temporary);
        ConversationsViewModel model = ui.call(() -> new ConversationsViewModel(store, chatWithoutTurns(store),
                background, ui));
        // More than a pipe holds (64 KiB): the save blocks writing its temporary file, as on a stalled disk.
        Future<Conversation> stuck = pool.submit(() -> store.append("stuck",
                new StoredMessage(Role.ASSISTANT, "x".repeat(256 * 1024), clock.instant(), false)));
        // Opening a pipe waits for its other end: on a pool thread, so a save that never writes fails the test.
        try (InputStream pipe = pool.submit(() -> Files.newInputStream(temporary)).get(1, TimeUnit.MINUTES)) {
            assertThat(pipe.read()).as("the stuck save is writing").isNotNegative();

            // UiThread.run gives up after 10 s, so a rename or delete that waits on the FX thread fails here.
            ui.run(() -> {
                model.rename("stuck", "Renamed");
                model.delete("stuck");
            });
            assertThat(ui.call(() -> model.items().stream().map(ConversationSummary::title).toList()))
                    .containsExactly("first");
            assertThat(stuck).isNotDone();
            pipe.transferTo(OutputStream.nullOutputStream());
        }

        // They run in turn once the save gives up (a pipe cannot be fsynced), and the sidebar follows.
        ui.await("the deletion", () -> model.items().isEmpty());
        assertThat(ui.call(() -> model.problemProperty().get())).isNull();
        assertThat(store.find("stuck")).isEmpty();
    }

    /** The chat beside the sidebar; no turn runs in these tests, so it has no provider or player. */
    private static ChatViewModel chatWithoutTurns(ConversationStore store) {
        ChatService service = new ChatService(() -> {
            throw new AssertionError("no turn runs in this test");
        }, () -> "", store, new HistoryWindow(1_000), Runnable::run);
        return new ChatViewModel(service, () -> "none", () -> null, null, Runnable::run);
    }
}
