package dev.parley.ui.chat;

import dev.parley.llm.ChatMessage.Role;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One message of the transcript: who, the text, an "interrupted" mark and a copy button. */
public final class MessageNode extends VBox {

    public MessageNode(MessageItem item, Region body) {
        boolean user = item.role() == Role.USER;
        getStyleClass().addAll("message", user ? "message-user" : "message-assistant");
        setPadding(new Insets(8, 12, 8, 12));
        setSpacing(4);

        Label who = new Label(user ? "You" : "Parley");
        who.getStyleClass().add("message-author");
        Label interrupted = new Label("interrupted");
        interrupted.getStyleClass().add("message-interrupted");
        interrupted.visibleProperty().bind(item.interruptedProperty());
        interrupted.managedProperty().bind(interrupted.visibleProperty());
        Label typing = new Label("…");
        typing.getStyleClass().add("message-streaming");
        typing.visibleProperty().bind(item.streamingProperty());
        typing.managedProperty().bind(typing.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.getStyleClass().addAll("message-copy", "flat-button");
        copy.setTooltip(new Tooltip("Copy this message"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(item.text());
            Clipboard.getSystemClipboard().setContent(content);
        });
        copy.disableProperty().bind(item.streamingProperty());
        HBox header = new HBox(8, who, typing, interrupted, spacer, copy);
        header.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(header, body);
        setMaxWidth(Double.MAX_VALUE);
    }
}
