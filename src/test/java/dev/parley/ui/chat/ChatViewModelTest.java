package dev.parley.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.audio.AudioPlayer;
import dev.parley.chat.Conversation;
import dev.parley.llm.ChatMessage.Role;
import dev.parley.testing.OpenAiScript;
import dev.parley.testing.PacedLines;
import dev.parley.testing.TestConfig;
import dev.parley.testing.UiThread;
import dev.parley.ui.speech.SpeechControlsViewModel;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat view model without a toolkit, against the real pipeline, espeak-ng and a paced audio line. */
class ChatViewModelTest {

    @StartStop
    private final MockWebServer upstream = new MockWebServer();

    @TempDir
    Path dir;

    private final UiThread ui = new UiThread();
    private final PacedLines lines = new PacedLines();
    private Parley parley;
    private AudioPlayer player;
    private SpeechControlsViewModel speech;
    private ChatViewModel chat;

    @BeforeEach
    void start() throws Exception {
        parley = Parley.create(TestConfig.openAi(dir, upstream.url("/v1").toString(), Map.of()));
        ui.run(() -> {
            player = AudioPlayer.start(new dev.parley.audio.PlaybackListener() {
                @Override
                public void onChunkStarted(Object tag) {
                    chat.playbackListener().onChunkStarted(tag);
                }

                @Override
                public void onChunkFinished(Object tag) {
                    chat.playbackListener().onChunkFinished(tag);
                }

                @Override
                public void onTurnFinished(dev.parley.audio.PlaybackTurn turn, dev.parley.audio.TurnStats stats) {
                    chat.playbackListener().onTurnFinished(turn, stats);
                }
            }, lines);
            speech = new SpeechControlsViewModel(parley.voiceSelector(), parley::voices, player, "en_US", 1.0);
            chat = new ChatViewModel(parley.chat(), () -> parley.provider().name(), speech::synthesizer, player, ui);
        });
    }

    @AfterEach
    void stop() {
        player.close();
        parley.close();
        ui.close();
    }

    private void send(String text) throws Exception {
        ui.run(() -> {
            chat.draftProperty().set(text);
            chat.send();
        });
    }

    @Test
    void sendingStreamsTheReplyAndSpeaksIt() throws Exception {
        upstream.enqueue(OpenAiScript.reply("Hello there, my friend.", " How can I help you today?"));
        assertThat(ui.call(() -> chat.canSendProperty().get())).isFalse();
        send("  Hi!  ");

        assertThat(ui.call(() -> chat.messages().get(0).text())).isEqualTo("Hi!");
        assertThat(ui.call(() -> chat.draftProperty().get())).isEmpty();
        assertThat(ui.call(() -> chat.replyingProperty().get())).isTrue();
        MessageItem reply = ui.call(() -> chat.messages().get(1));
        java.util.List<MessageItem.SpokenRange> highlighted = new java.util.concurrent.CopyOnWriteArrayList<>();
        ui.run(() -> reply.spokenProperty().addListener((o, a, range) -> {
            if (range != null) {
                highlighted.add(range);
            }
        }));
        ui.await("the reply", () -> !chat.replyingProperty().get());
        assertThat(reply.role()).isEqualTo(Role.ASSISTANT);
        assertThat(ui.call(reply::text)).isEqualTo("Hello there, my friend. How can I help you today?");
        assertThat(ui.call(() -> reply.streamingProperty().get())).isFalse();
        assertThat(ui.call(reply::isInterrupted)).isFalse();
        assertThat(ui.call(() -> chat.conversationId())).isNotNull();
        TurnFigures figures = ui.call(() -> chat.figuresProperty().get());
        assertThat(figures.ttftMs()).isNotNull();
        assertThat(figures.firstAudioMs()).isNotNull();

        ui.await("speech to end", () -> highlighted.size() == 2 && !chat.speakingProperty().get());
        assertThat(ui.call(() -> chat.figuresProperty().get().underruns())).isNotNull();
        assertThat(lines.played()).isNotEmpty();
        String text = ui.call(reply::text);
        assertThat(highlighted).extracting(r -> text.substring(r.start(), r.end()).strip())
                .containsExactly("Hello there, my friend.", "How can I help you today?");
        assertThat(ui.call(() -> chat.speakingProperty().get())).isFalse();
        assertThat(ui.call(() -> reply.spokenProperty().get())).isNull();
    }

    @Test
    void stopSilencesAtOnceAndMarksTheReplyInterrupted() throws Exception {
        upstream.enqueue(OpenAiScript.slowReply("This is a long story.", " It goes on and on.", " And on.",
                " It never seems to end.", " Still going.", " Almost done.", " Not quite."));
        send("Tell me a story");
        ui.await("speech", () -> lines.played().length > 0);

        ui.run(chat::stop);
        int playedAtStop = lines.played().length;
        Thread.sleep(300);

        assertThat(lines.played().length - playedAtStop)
                .as("at most the 20 ms block being written when Stop was pressed")
                .isLessThanOrEqualTo(22050 * 2 / 50);
        MessageItem reply = ui.call(() -> chat.messages().get(1));
        assertThat(ui.call(reply::isInterrupted)).isTrue();
        assertThat(ui.call(() -> chat.replyingProperty().get() || chat.speakingProperty().get())).isFalse();
        String shown = ui.call(reply::text);
        Thread.sleep(300);
        assertThat(ui.call(reply::text)).isEqualTo(shown);
        String id = ui.call(chat::conversationId);
        ui.await("the interrupted reply to be stored", () -> parley.conversations().find(id)
                .map(c -> c.messages().size() == 2 && c.messages().get(1).interrupted()).orElse(false));
    }

    @Test
    void sendingWhileAReplyIsStreamingInterruptsItFirst() throws Exception {
        upstream.enqueue(OpenAiScript.slowReply("One", " two", " three", " four", " five", " six", " seven."));
        upstream.enqueue(OpenAiScript.reply("Second answer."));
        send("first");
        ui.await("a token", () -> !chat.messages().get(1).text().isEmpty());
        send("second");
        ui.await("the second reply", () -> chat.messages().size() == 4 && !chat.replyingProperty().get());
        assertThat(ui.call(() -> chat.messages().get(1).isInterrupted())).isTrue();
        assertThat(ui.call(() -> chat.messages().get(3).text())).isEqualTo("Second answer.");
    }

    @Test
    void aRefusedKeyShowsABannerWithTheFix() throws Exception {
        upstream.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"bad key\"}}").build());
        send("hi");
        ui.await("the banner", () -> chat.bannerProperty().get() != null);
        ErrorBanner banner = ui.call(() -> chat.bannerProperty().get());
        assertThat(banner.message()).contains("API key").doesNotContain(TestConfig.KEY);
        assertThat(banner.fix()).contains("Settings");
        assertThat(ui.call(() -> chat.messages().size())).as("the empty reply is removed").isEqualTo(1);
        assertThat(ui.call(() -> chat.replyingProperty().get())).isFalse();
        ui.run(chat::dismissBanner);
        assertThat(ui.call(() -> chat.bannerProperty().get())).isNull();
    }

    @Test
    void aReplyThatCannotBeSavedIsShownInFullWithABannerSayingSo() throws Exception {
        Path conversations = dir.resolve("data").resolve("conversations");
        // Root ignores permissions, so the folder is made unwritable by replacing it with a file.
        java.nio.file.Files.delete(conversations);
        java.nio.file.Files.writeString(conversations, "not a folder");
        upstream.enqueue(OpenAiScript.reply("Shown", " anyway."));
        send("hi");
        ui.await("the reply", () -> !chat.replyingProperty().get() && chat.messages().size() == 2);

        assertThat(ui.call(() -> chat.messages().get(1).text())).isEqualTo("Shown anyway.");
        assertThat(ui.call(() -> chat.messages().get(1).isInterrupted())).isFalse();
        ErrorBanner banner = ui.call(() -> chat.bannerProperty().get());
        assertThat(banner.message()).isEqualTo("the reply could not be saved: the conversations folder is a file");
        assertThat(banner.fix()).contains("disk space", "PARLEY_DATA_DIR");
    }

    @Test
    void openingAConversationShowsItsMessagesAndNewConversationClears() throws Exception {
        Conversation stored = Conversation.empty("old", java.time.Instant.parse("2026-11-01T00:00:00Z"))
                .append(new dev.parley.chat.StoredMessage(Role.USER, "Question?", java.time.Instant.EPOCH, false))
                .append(new dev.parley.chat.StoredMessage(Role.ASSISTANT, "Half an ans", java.time.Instant.EPOCH, true));
        ui.run(() -> chat.open(stored));
        assertThat(ui.call(() -> chat.messages().stream().map(MessageItem::text).toList()))
                .containsExactly("Question?", "Half an ans");
        assertThat(ui.call(() -> chat.messages().get(1).isInterrupted())).isTrue();
        assertThat(ui.call(chat::conversationId)).isEqualTo("old");
        ui.run(chat::newConversation);
        assertThat(ui.call(() -> chat.messages().isEmpty())).isTrue();
        assertThat(ui.call(chat::conversationId)).isNull();
    }

    @Test
    void speakRepliesOffStreamsTextWithoutAudio() throws Exception {
        upstream.enqueue(OpenAiScript.reply("Quiet reply.", " Nothing to hear."));
        ui.run(() -> speech.speakRepliesProperty().set(false));
        send("hush");
        ui.await("the reply", () -> !chat.replyingProperty().get());
        Thread.sleep(200);
        assertThat(lines.played()).isEmpty();
        assertThat(ui.call(() -> chat.figuresProperty().get().firstAudioMs())).isNull();
    }
}
