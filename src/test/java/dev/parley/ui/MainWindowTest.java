package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.parley.Parley;
import dev.parley.audio.AudioPlayer;
import dev.parley.chat.Conversation;
import dev.parley.chat.ConversationSummary;
import dev.parley.chat.StoredMessage;
import dev.parley.llm.ChatMessage.Role;
import dev.parley.testing.OpenAiScript;
import dev.parley.testing.PacedLines;
import dev.parley.testing.TestConfig;
import dev.parley.ui.chat.MessageItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window, driven by keyboard and mouse, against a scripted OpenAI-compatible server. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path dir;

    private final MockWebServer upstream = new MockWebServer();
    private final PacedLines lines = new PacedLines();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private Parley parley;
    private AudioPlayer player;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        upstream.start();
        Path home = Files.createTempDirectory(dir, "app");
        seedConversations(home.resolve("data/conversations"));
        parley = Parley.create(TestConfig.openAi(home, upstream.url("/v1").toString(), Map.of()));
        PlaybackRelay relay = new PlaybackRelay();
        player = AudioPlayer.start(relay, lines);
        window = new MainWindow(parley, player, relay, background, Platform::runLater);
        window.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        player.close();
        parley.close();
        background.shutdownNow();
        upstream.close();
    }

    /** Two stored conversations, written as files the way an earlier run leaves them. */
    private static void seedConversations(Path folder) throws Exception {
        Files.createDirectories(folder);
        var store = new dev.parley.chat.ConversationStore(folder, java.time.Clock.systemUTC());
        store.save(Conversation.empty("older", Instant.parse("2026-11-01T10:00:00Z"))
                .append(new StoredMessage(Role.USER, "What is the capital of France?",
                        Instant.parse("2026-11-01T10:00:00Z"), false))
                .append(new StoredMessage(Role.ASSISTANT, "Paris.", Instant.parse("2026-11-01T10:00:01Z"), false)));
        store.save(Conversation.empty("newer", Instant.parse("2026-11-20T10:00:00Z"))
                .append(new StoredMessage(Role.USER, "Name a blue fruit", Instant.parse("2026-11-20T10:00:00Z"), false))
                .append(new StoredMessage(Role.ASSISTANT, "Blueberries.", Instant.parse("2026-11-20T10:00:01Z"),
                        false)));
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private java.util.List<MessageItem> messages() {
        return window.chat().messages();
    }

    @Test
    void theMessageFieldHasFocusAndEnterSendsAndStreamsTheReply(FxRobot robot) throws Exception {
        upstream.enqueue(OpenAiScript.reply("Hello", " there! I am", " Parley.", " Nice to meet you."));
        TextArea input = robot.lookup("#chat-input").queryAs(TextArea.class);
        assertThat(input.isFocused()).isTrue();
        assertThat(robot.lookup("#chat-send").queryButton().isDisabled()).isTrue();

        robot.write("Hi").press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT).write("who are you?");
        assertThat(input.getText()).isEqualTo("Hi\nwho are you?");
        robot.type(KeyCode.ENTER);

        await("the reply", () -> messages().size() == 2 && !messages().get(1).streamingProperty().get());
        assertThat(messages().get(0).text()).isEqualTo("Hi\nwho are you?");
        assertThat(messages().get(1).text()).isEqualTo("Hello there! I am Parley. Nice to meet you.");
        assertThat(input.getText()).isEmpty();
        VBox transcript = robot.lookup("#chat-transcript").queryAs(VBox.class);
        assertThat(transcript.getChildren()).hasSize(2);
        await("the sidebar to list the new conversation", () -> robot.lookup("#conversations-list")
                .queryListView().getItems().size() == 3);
        ListView<?> list = robot.lookup("#conversations-list").queryListView();
        assertThat(((ConversationSummary) list.getItems().get(0)).title()).isEqualTo("Hi who are you?");
        assertThat(((ConversationSummary) list.getSelectionModel().getSelectedItem()).title())
                .isEqualTo("Hi who are you?");
        await("speech", () -> lines.played().length > 0);
        await("the turn figures in the status bar", () -> robot.lookup("#status-turn").queryLabeled().getText()
                .contains("first token"));
    }

    @Test
    void escapeInterruptsTheReplyAndItsSpeech(FxRobot robot) throws Exception {
        upstream.enqueue(OpenAiScript.slowReply("A very long story begins here.", " It continues for a while.",
                " Then more happens.", " And even more.", " The end is far away.", " Still not there."));
        robot.write("Tell me a story").type(KeyCode.ENTER);
        await("speech", () -> lines.played().length > 0);
        Button stop = robot.lookup("#chat-stop").queryButton();
        assertThat(stop.isDisabled()).isFalse();

        robot.type(KeyCode.ESCAPE);
        int playedAtStop = lines.played().length;
        String shown = messages().get(1).text();
        Thread.sleep(400);

        assertThat(lines.played().length - playedAtStop).isLessThanOrEqualTo(22050 * 2 / 50);
        assertThat(messages().get(1).isInterrupted()).isTrue();
        assertThat(messages().get(1).text()).isEqualTo(shown);
        assertThat(robot.lookup(".message-interrupted").queryAll().stream().anyMatch(javafx.scene.Node::isVisible)).isTrue();
        assertThat(stop.isDisabled()).isTrue();
    }

    @Test
    void theSidebarListsSwitchesAndDeletesConversations(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#conversations-list").queryListView();
        assertThat(list.getItems()).extracting(item -> ((ConversationSummary) item).title())
                .containsExactly("Name a blue fruit", "What is the capital of France?");

        robot.clickOn("What is the capital of France?");
        await("the conversation to open", () -> messages().size() == 2);
        assertThat(messages().get(1).text()).isEqualTo("Paris.");
        robot.clickOn("Name a blue fruit");
        await("the other conversation", () -> messages().size() == 2 && messages().get(1).text().equals("Blueberries."));

        robot.type(KeyCode.DELETE);
        robot.clickOn(robot.lookup("#conversations-delete-confirm .button").match(
                node -> node instanceof Button b && b.getText().equals("OK")).queryButton());
        await("the deletion", () -> list.getItems().size() == 1);
        assertThat(((ConversationSummary) list.getItems().get(0)).title()).isEqualTo("What is the capital of France?");
        assertThat(messages()).isEmpty();
        assertThat(parley.conversations().find("newer")).isEmpty();

        robot.clickOn("What is the capital of France?");
        await("the remaining conversation", () -> "older".equals(window.chat().conversationId()));
        robot.clickOn("#chat-input").press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertThat(window.chat().conversationId()).isNull();
        assertThat(messages()).isEmpty();
        assertThat(list.getSelectionModel().getSelectedItem()).isNull();
    }

    @Test
    void aWebSocketClientChatsWithTheSameRunningAppAtTheSameTime(FxRobot robot) throws Exception {
        upstream.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return OpenAiScript.slowReply("Both of you", " get an answer", " at the same time.");
            }
        });
        robot.interact(window::startServer);
        await("the server", () -> robot.lookup("#status-server").queryLabeled().getText().startsWith("server ws://"));
        int port = parley.server().port();

        java.util.concurrent.BlockingQueue<String> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.WebSocket socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + port
                        + "/ws/chat/stream?message=hello%20from%20wscat&conversation_id=from-ws"),
                        new java.net.http.WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws,
                                    CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    frames.add(text.toString());
                                    text.setLength(0);
                                }
                                ws.request(1);
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
        robot.clickOn("#chat-input").write("hello from the window").type(KeyCode.ENTER);
        await("one client in the status bar", () -> robot.lookup("#status-server").queryLabeled().getText()
                .endsWith("· 1 client"));

        String last = "";
        while (!last.contains("\"status\":\"complete\"")) {
            last = frames.poll(10, TimeUnit.SECONDS);
            assertThat(last).as("a WebSocket message").isNotNull();
        }
        assertThat(last).contains("Both of you get an answer at the same time.");
        await("the window's reply", () -> messages().size() == 2 && !messages().get(1).streamingProperty().get());
        assertThat(messages().get(1).text()).isEqualTo("Both of you get an answer at the same time.");
        await("the WebSocket conversation in the sidebar", () -> robot.lookup("#conversations-list").queryListView()
                .getItems().stream().anyMatch(item -> ((ConversationSummary) item).id().equals("from-ws")));
        await("the client to be gone", () -> robot.lookup("#status-server").queryLabeled().getText()
                .endsWith("· 0 clients"));
        socket.abort();
    }

    @Test
    void aRefusedApiKeyShowsAReadableBanner(FxRobot robot) throws Exception {
        upstream.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided\"}}").build());
        robot.write("hello").type(KeyCode.ENTER);
        await("the banner", () -> !robot.lookup("#chat-banner-message").queryLabeled().getText().isEmpty());
        assertThat(robot.lookup("#chat-banner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#chat-banner-message").queryLabeled().getText()).contains("API key")
                .doesNotContain(TestConfig.KEY);
        assertThat(robot.lookup("#chat-banner-fix").queryLabeled().getText()).contains("Settings");
        robot.clickOn("#chat-banner-dismiss");
        assertThat(robot.lookup("#chat-banner").query().isVisible()).isFalse();

        upstream.enqueue(OpenAiScript.reply("Working again."));
        robot.clickOn("#chat-input").write("again").type(KeyCode.ENTER);
        await("the app to stay usable", () -> messages().size() == 3
                && messages().get(2).text().equals("Working again."));
    }
}
