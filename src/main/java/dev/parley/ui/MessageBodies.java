package dev.parley.ui;

import dev.parley.ui.chat.MessageItem;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The body of a message in the transcript. */
final class MessageBodies {

    private MessageBodies() {
    }

    static Region of(MessageItem item) {
        Label label = new Label();
        label.getStyleClass().add("message-text");
        label.setWrapText(true);
        label.textProperty().bind(item.textProperty());
        return label;
    }
}
