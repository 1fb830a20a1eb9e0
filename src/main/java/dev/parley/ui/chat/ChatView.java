package dev.parley.ui.chat;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The chat area: error banner, transcript and message field. Binds to a {@link ChatViewModel};
 * Enter sends, Shift+Enter starts a new line.
 */
public final class ChatView extends BorderPane {

    private final ChatViewModel model;
    private final Function<MessageItem, Node> messageNodes;
    private final VBox transcript = new VBox(10);
    private final ScrollPane scroller = new ScrollPane(transcript);
    private final TextArea input = new TextArea();
    private boolean followBottom = true;

    /**
     * @param messageNodes builds the node showing one message (the app passes {@link MessageNode}s)
     */
    public ChatView(ChatViewModel model, Function<MessageItem, Node> messageNodes) {
        this.model = model;
        this.messageNodes = messageNodes;
        getStyleClass().add("chat-view");
        setTop(banner());
        setCenter(transcript());
        setBottom(inputRow());
    }

    /** Puts the keyboard focus in the message field. */
    public void focusInput() {
        input.requestFocus();
    }

    private Node banner() {
        Label message = new Label();
        message.setId("chat-banner-message");
        message.setWrapText(true);
        Label fix = new Label();
        fix.setId("chat-banner-fix");
        fix.setWrapText(true);
        fix.getStyleClass().add("banner-fix");
        Button dismiss = new Button("✕");
        dismiss.setId("chat-banner-dismiss");
        dismiss.setOnAction(e -> model.dismissBanner());
        VBox texts = new VBox(2, message, fix);
        HBox.setHgrow(texts, Priority.ALWAYS);
        HBox banner = new HBox(8, texts, dismiss);
        banner.setId("chat-banner");
        banner.getStyleClass().add("error-banner");
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.visibleProperty().bind(model.bannerProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        message.textProperty().bind(Bindings.createStringBinding(
                () -> model.bannerProperty().get() == null ? "" : model.bannerProperty().get().message(),
                model.bannerProperty()));
        fix.textProperty().bind(Bindings.createStringBinding(
                () -> model.bannerProperty().get() == null ? "" : model.bannerProperty().get().fix(),
                model.bannerProperty()));
        return banner;
    }

    private Node transcript() {
        transcript.setId("chat-transcript");
        transcript.setPadding(new Insets(12));
        transcript.getStyleClass().add("transcript");
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("transcript-scroller");
        // Follow new text only while the person is at the bottom; reading further up is not disturbed.
        scroller.vvalueProperty().addListener((o, a, b) -> followBottom = b.doubleValue() >= scroller.getVmax() - 0.01);
        transcript.heightProperty().addListener((o, a, b) -> {
            if (followBottom) {
                scroller.setVvalue(scroller.getVmax());
            }
        });
        for (MessageItem item : model.messages()) {
            transcript.getChildren().add(messageNodes.apply(item));
        }
        // Nodes follow the list one for one, so a message's node (and its listeners) is built once.
        model.messages().addListener((ListChangeListener<MessageItem>) change -> {
            while (change.next()) {
                if (change.wasPermutated()) {
                    transcript.getChildren().setAll(model.messages().stream().map(messageNodes).toList());
                    continue;
                }
                transcript.getChildren().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
                transcript.getChildren().addAll(change.getFrom(),
                        change.getAddedSubList().stream().map(messageNodes).toList());
            }
            followBottom = true;
        });
        Label empty = new Label("Type a message below and press Enter. Replies are spoken as they arrive; "
                + "press Esc to interrupt.");
        empty.setId("chat-empty");
        empty.getStyleClass().add("placeholder");
        empty.setWrapText(true);
        empty.visibleProperty().bind(Bindings.isEmpty(model.messages()));
        empty.managedProperty().bind(empty.visibleProperty());
        VBox center = new VBox(empty, scroller);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        VBox.setMargin(empty, new Insets(24));
        return center;
    }

    private Node inputRow() {
        input.setId("chat-input");
        input.setPromptText("Message (Enter to send, Shift+Enter for a new line)");
        input.setWrapText(true);
        input.setPrefRowCount(2);
        input.textProperty().bindBidirectional(model.draftProperty());
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                if (event.isShiftDown()) {
                    input.replaceSelection("\n");
                } else {
                    model.send();
                }
            }
        });
        Button send = new Button("Send");
        send.setId("chat-send");
        send.setDefaultButton(false);
        send.disableProperty().bind(model.canSendProperty().not());
        send.setOnAction(e -> {
            model.send();
            input.requestFocus();
        });
        Button stop = new Button("Stop");
        stop.setId("chat-stop");
        stop.disableProperty().bind(model.canStopProperty().not());
        stop.setOnAction(e -> {
            model.stop();
            input.requestFocus();
        });
        VBox buttons = new VBox(6, send, stop);
        buttons.setAlignment(Pos.CENTER);
        send.setMaxWidth(Double.MAX_VALUE);
        stop.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(input, Priority.ALWAYS);
        HBox row = new HBox(8, input, buttons);
        row.setPadding(new Insets(8, 12, 12, 12));
        row.getStyleClass().add("input-row");
        input.setMinHeight(Region.USE_PREF_SIZE);
        return row;
    }
}
