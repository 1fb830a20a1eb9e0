package dev.parley.ui;

import dev.parley.Parley;
import dev.parley.audio.AudioPlayer;
import dev.parley.config.Config;
import dev.parley.server.ParleyServer;
import dev.parley.ui.chat.ChatView;
import dev.parley.ui.chat.ChatViewModel;
import dev.parley.ui.chat.MessageItem;
import dev.parley.ui.chat.MessageNode;
import dev.parley.ui.conversations.ConversationsView;
import dev.parley.ui.conversations.ConversationsViewModel;
import dev.parley.ui.markdown.MarkdownView;
import dev.parley.ui.speech.SpeechControlsView;
import dev.parley.ui.speech.SpeechControlsViewModel;
import dev.parley.ui.status.StatusView;
import dev.parley.ui.status.StatusViewModel;
import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * The window: toolbar with the speech controls, conversations sidebar, chat, status bar. Creates
 * the view models, wires them to the app, and owns the keyboard shortcuts: Enter sends, Esc stops,
 * Ctrl+N starts a new chat, Ctrl+, opens the settings.
 */
public final class MainWindow {

    private final Parley parley;
    private final Executor background;
    private final Executor ui;
    private final ChatViewModel chat;
    private final ConversationsViewModel conversations;
    private final SpeechControlsViewModel speech;
    private final StatusViewModel status;
    private final ChatView chatView;
    private final Scene scene;
    private Stage stage;
    private Runnable openSettings = () -> { };
    private Runnable openVoices = () -> { };
    private Consumer<String> openLink = url -> { };

    /**
     * @param parley the app
     * @param player speaks replies; its listener must be {@code relay}
     * @param relay the player's listener, pointed at the chat here
     * @param background runs blocking work (server start, checks, renaming and deleting conversations)
     * @param ui delivers to the FX thread
     */
    MainWindow(Parley parley, AudioPlayer player, PlaybackRelay relay, Executor background, Executor ui) {
        this.parley = parley;
        this.background = background;
        this.ui = ui;
        Config config = parley.config();
        this.speech = new SpeechControlsViewModel(parley.voiceSelector(), parley::voices, player, config.language(),
                config.rate());
        this.chat = new ChatViewModel(parley.chat(), () -> parley.provider().name(), speech::synthesizer, player, ui);
        relay.setTarget(chat.playbackListener());
        this.conversations = new ConversationsViewModel(parley.conversations(), chat, background, ui);
        this.status = new StatusViewModel(parley::provider, chat.figuresProperty(), chat.bannerProperty(), background, ui);

        Function<MessageItem, Node> messageNodes = item -> new MessageNode(item, MessageBodies.of(item,
                url -> openLink.accept(url)));
        this.chatView = new ChatView(chat, messageNodes);
        SplitPane split = new SplitPane(new ConversationsView(conversations), chatView);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);

        BorderPane root = new BorderPane();
        root.setId("main");
        root.setTop(toolbar());
        root.setCenter(split);
        root.setBottom(new StatusView(status, chat.audioProblemProperty(), this::askForPort));
        this.scene = new Scene(root, 1100, 720);
        scene.getStylesheets().addAll(MarkdownView.stylesheet(),
                MainWindow.class.getResource("parley.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), chat::stop);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    conversations.newChat();
                    chatView.focusInput();
                });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                () -> openSettings.run());
    }

    private Node toolbar() {
        Button voices = new Button("Voices…");
        voices.setId("toolbar-voices");
        voices.setOnAction(e -> openVoices.run());
        Button settings = new Button("Settings…");
        settings.setId("toolbar-settings");
        settings.setOnAction(e -> openSettings.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(new SpeechControlsView(speech), spacer, voices, settings);
        bar.setId("toolbar");
        return bar;
    }

    /** Shows the window in {@code stage} with the message field focused. */
    void show(Stage stage) {
        this.stage = stage;
        stage.setTitle("Parley");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.show();
        chatView.focusInput();
    }

    /** Starts the embedded server on a background thread; a taken port leaves the window working. */
    void startServer() {
        int port = parley.config().port();
        background.execute(() -> {
            try {
                ParleyServer server = parley.startServer();
                ui.execute(() -> status.serverStarted(server));
            } catch (BindException e) {
                ui.execute(() -> status.serverFailed(port, "in use"));
            } catch (IOException e) {
                ui.execute(() -> status.serverFailed(port, "failed: " + e.getMessage()));
            }
        });
    }

    private void askForPort() {
        TextInputDialog dialog = new TextInputDialog(String.valueOf(parley.config().port() + 1));
        dialog.initOwner(scene.getWindow());
        dialog.setTitle("Server port");
        dialog.setHeaderText("Port " + parley.config().port() + " is taken. Choose another port for the server.");
        dialog.setContentText("Port:");
        dialog.getEditor().setId("port-field");
        dialog.showAndWait().ifPresent(text -> {
            try {
                int port = Integer.parseInt(text.strip());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                parley.reconfigure(parley.config().withPort(port));
                startServer();
            } catch (NumberFormatException e) {
                status.serverFailed(parley.config().port(), "in use; '" + text + "' is not a port from 1 to 65535");
            }
        });
    }

    /** Checks that the provider answers, for the status bar. */
    void checkConnection() {
        status.checkConnection();
    }

    void setOpenSettings(Runnable action) {
        this.openSettings = action;
    }

    void setOpenVoices(Runnable action) {
        this.openVoices = action;
    }

    /** How a link clicked in a reply is opened (the system browser, in the app). */
    void setOpenLink(Consumer<String> action) {
        this.openLink = action;
    }

    /** The stage shown in, or {@code null} before {@link #show}. */
    Stage stage() {
        return stage;
    }

    Scene scene() {
        return scene;
    }

    ChatViewModel chat() {
        return chat;
    }

    SpeechControlsViewModel speech() {
        return speech;
    }

    StatusViewModel status() {
        return status;
    }

    void dispose() {
        conversations.dispose();
    }
}
