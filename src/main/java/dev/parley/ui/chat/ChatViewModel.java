package dev.parley.ui.chat;

import dev.parley.audio.AudioPlayer;
import dev.parley.audio.PlaybackListener;
import dev.parley.audio.PlaybackTurn;
import dev.parley.audio.TurnStats;
import dev.parley.chat.ChatEvent;
import dev.parley.chat.ChatService;
import dev.parley.chat.ChatTurn;
import dev.parley.chat.Conversation;
import dev.parley.chat.StoredMessage;
import dev.parley.chat.TurnRequest;
import dev.parley.llm.ChatMessage.Role;
import dev.parley.tts.Synthesizer;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The conversation on screen: the transcript, the message being typed, sending, barge-in, and the
 * link between the chat pipeline's events and the audio player.
 *
 * <p>Everything here runs on the FX thread: public methods are called by the view, and pipeline
 * and playback events are handed over through the {@code ui} executor ({@code Platform::runLater}
 * in the app, the calling thread in tests).
 */
public final class ChatViewModel {

    private final ChatService chat;
    private final Supplier<String> providerName;
    private final Supplier<Synthesizer> synthesizer;
    private final AudioPlayer player;
    private final Executor ui;
    private final ObservableList<MessageItem> messages = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyStringWrapper conversationId = new ReadOnlyStringWrapper(this, "conversationId");
    private final ReadOnlyBooleanWrapper replying = new ReadOnlyBooleanWrapper(this, "replying");
    private final ReadOnlyBooleanWrapper speaking = new ReadOnlyBooleanWrapper(this, "speaking");
    private final ObjectProperty<ErrorBanner> banner = new SimpleObjectProperty<>(this, "banner");
    private final ReadOnlyObjectWrapper<TurnFigures> figures = new ReadOnlyObjectWrapper<>(this, "figures",
            TurnFigures.NONE);
    private final ReadOnlyStringWrapper audioProblem = new ReadOnlyStringWrapper(this, "audioProblem");
    private final BooleanBinding canSend = Bindings.createBooleanBinding(() -> !draft.get().isBlank(), draft);
    private final BooleanBinding canStop = replying.or(speaking);
    private Exchange current;

    /** One message and its reply: what the pipeline's and the player's events update. */
    private static final class Exchange {
        private final MessageItem reply;
        private final PlaybackTurn playback;
        private ChatTurn turn;

        Exchange(MessageItem reply, PlaybackTurn playback) {
            this.reply = reply;
            this.playback = playback;
        }

        MessageItem reply() {
            return reply;
        }

        PlaybackTurn playback() {
            return playback;
        }
    }

    /** Tags audio chunks so playback events find the message and the words being spoken. */
    private record SpokenChunk(MessageItem item, MessageItem.SpokenRange range) {
    }

    /**
     * @param chat the pipeline
     * @param providerName the current provider's name, for error advice
     * @param synthesizer the voice for each new turn (reads the speech controls per chunk)
     * @param player where replies are spoken; its listener must forward to {@link #playbackListener()}
     * @param ui delivers to the FX thread
     */
    public ChatViewModel(ChatService chat, Supplier<String> providerName, Supplier<Synthesizer> synthesizer,
            AudioPlayer player, Executor ui) {
        this.chat = chat;
        this.providerName = providerName;
        this.synthesizer = synthesizer;
        this.player = player;
        this.ui = ui;
    }

    /** Sends the draft as a new message, interrupting a reply that is still streaming or speaking. */
    public void send() {
        String message = draft.get().strip();
        if (message.isEmpty()) {
            return;
        }
        stop();
        banner.set(null);
        draft.set("");
        messages.add(new MessageItem(Role.USER, message, false));
        MessageItem reply = new MessageItem(Role.ASSISTANT, "", false);
        reply.setStreaming(true);
        messages.add(reply);
        Exchange exchange = new Exchange(reply, player.beginTurn());
        current = exchange;
        replying.set(true);
        exchange.turn = chat.start(new TurnRequest(message, conversationId.get(), synthesizer.get()), ui,
                event -> onEvent(exchange, event));
    }

    /**
     * Barge-in: silences playback first (the part a person hears), then cancels the request and the
     * pending synthesis. The transcript keeps what was shown; a reply still streaming is marked
     * interrupted.
     */
    public void stop() {
        player.stop();
        speaking.set(false);
        Exchange exchange = current;
        if (exchange == null) {
            return;
        }
        exchange.reply().setSpoken(null);
        if (exchange.turn != null) {
            exchange.turn.cancel();
        }
        if (exchange.reply().streamingProperty().get()) {
            exchange.reply().setStreaming(false);
            exchange.reply().setInterrupted(true);
        }
        replying.set(false);
        current = null;
    }

    /** Shows a stored conversation; stops what the current one was saying. */
    public void open(Conversation conversation) {
        stop();
        banner.set(null);
        conversationId.set(conversation.id());
        messages.clear();
        for (StoredMessage stored : conversation.messages()) {
            messages.add(new MessageItem(stored.role(), stored.content(), stored.interrupted()));
        }
    }

    /** Starts an empty conversation; its id is assigned by the first reply. */
    public void newConversation() {
        stop();
        banner.set(null);
        conversationId.set(null);
        messages.clear();
    }

    public void dismissBanner() {
        banner.set(null);
    }

    private void onEvent(Exchange exchange, ChatEvent event) {
        boolean isCurrent = exchange == current;
        if (event instanceof ChatEvent.Started started) {
            if (isCurrent) {
                conversationId.set(started.conversationId());
            }
        } else if (event instanceof ChatEvent.Token token) {
            exchange.reply().setText(token.text());
        } else if (event instanceof ChatEvent.Audio audio) {
            exchange.playback().enqueue(audio.pcm(), new SpokenChunk(exchange.reply(),
                    new MessageItem.SpokenRange(audio.start(), audio.end())));
        } else if (event instanceof ChatEvent.NotSaved notSaved) {
            if (isCurrent) {
                banner.set(ErrorBanner.forCode(507, notSaved.message(), providerName.get()));
            }
        } else if (event instanceof ChatEvent.Completed completed) {
            exchange.reply().setText(completed.text());
            var metrics = completed.metrics();
            // The pipeline's underruns stand until the player reports what it really played.
            figures.set(new TurnFigures(metrics.ttftMs(), metrics.firstAudioMs(), metrics.tokensPerSecond(),
                    metrics.firstAudioMs() == null ? null : metrics.underruns()));
            finish(exchange, false);
        } else if (event instanceof ChatEvent.Cancelled) {
            finish(exchange, true);
        } else if (event instanceof ChatEvent.Failed failed) {
            if (isCurrent) {
                banner.set(ErrorBanner.forCode(failed.code(), failed.message(), providerName.get()));
            }
            if (failed.text().isEmpty()) {
                messages.remove(exchange.reply());
            }
            finish(exchange, true);
        }
    }

    private void finish(Exchange exchange, boolean interrupted) {
        exchange.playback().end();
        exchange.reply().setStreaming(false);
        if (interrupted) {
            exchange.reply().setInterrupted(true);
        }
        if (exchange == current) {
            replying.set(false);
        }
    }

    /** Receives the player's events; the app's player forwards to it. Called on the playback thread. */
    public PlaybackListener playbackListener() {
        return new PlaybackListener() {
            @Override
            public void onChunkStarted(Object tag) {
                if (tag instanceof SpokenChunk chunk) {
                    ui.execute(() -> {
                        chunk.item().setSpoken(chunk.range());
                        speaking.set(true);
                    });
                }
            }

            @Override
            public void onChunkFinished(Object tag) {
                if (tag instanceof SpokenChunk chunk) {
                    ui.execute(() -> {
                        if (chunk.range().equals(chunk.item().spokenProperty().get())) {
                            chunk.item().setSpoken(null);
                        }
                    });
                }
            }

            @Override
            public void onTurnFinished(PlaybackTurn turn, TurnStats stats) {
                ui.execute(() -> {
                    Exchange exchange = current;
                    if (exchange == null || exchange.playback() == turn) {
                        speaking.set(false);
                    }
                    if (exchange != null && exchange.playback() == turn && stats.chunksPlayed() > 0) {
                        figures.set(figures.get().withUnderruns(stats.underruns()));
                    }
                });
            }

            @Override
            public void onUnavailable(String reason) {
                ui.execute(() -> audioProblem.set(reason));
            }
        };
    }

    public ObservableList<MessageItem> messages() {
        return messages;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyStringProperty conversationIdProperty() {
        return conversationId.getReadOnlyProperty();
    }

    public String conversationId() {
        return conversationId.get();
    }

    /** Whether a reply is being requested or streamed. */
    public ReadOnlyBooleanProperty replyingProperty() {
        return replying.getReadOnlyProperty();
    }

    /** Whether a reply is being spoken. */
    public ReadOnlyBooleanProperty speakingProperty() {
        return speaking.getReadOnlyProperty();
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** The error to show above the transcript, or {@code null}. */
    public ReadOnlyObjectProperty<ErrorBanner> bannerProperty() {
        return banner;
    }

    public ReadOnlyObjectProperty<TurnFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** "no audio output …" once no device could be opened, else {@code null}. */
    public ReadOnlyStringProperty audioProblemProperty() {
        return audioProblem.getReadOnlyProperty();
    }
}
