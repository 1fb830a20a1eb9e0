package dev.parley.ui;

import dev.parley.llm.ChatMessage.Role;
import dev.parley.ui.chat.MessageItem;
import dev.parley.ui.markdown.MarkdownView;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The body of a message in the transcript: what the person typed as plain text, a reply as
 * markdown that follows the stream and highlights the sentence being spoken.
 */
final class MessageBodies {

    private MessageBodies() {
    }

    /** @param links opens a link the person clicks */
    static Region of(MessageItem item, Consumer<String> links) {
        if (item.role() == Role.USER) {
            Label label = new Label();
            label.getStyleClass().add("message-text");
            label.setWrapText(true);
            label.textProperty().bind(item.textProperty());
            return label;
        }
        MarkdownView view = new MarkdownView(links);
        view.getStyleClass().add("message-markdown");
        view.setMarkdown(item.text());
        item.textProperty().addListener((o, a, text) -> view.setMarkdown(text));
        item.spokenProperty().addListener((o, a, range) -> {
            if (range == null) {
                view.clearHighlight();
            } else {
                view.setHighlight(range.start(), range.end());
            }
        });
        return view;
    }
}
