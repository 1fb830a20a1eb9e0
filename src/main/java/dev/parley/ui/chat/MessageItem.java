package dev.parley.ui.chat;

import dev.parley.llm.ChatMessage.Role;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One message of the transcript as the window shows it. Changed only on the FX thread (by
 * {@link ChatViewModel}); views bind to its properties.
 */
public final class MessageItem {

    private final Role role;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty streaming = new SimpleBooleanProperty(this, "streaming");
    private final BooleanProperty interrupted = new SimpleBooleanProperty(this, "interrupted");
    private final ObjectProperty<SpokenRange> spoken = new SimpleObjectProperty<>(this, "spoken");

    MessageItem(Role role, String text, boolean interrupted) {
        this.role = role;
        this.text.set(text);
        this.interrupted.set(interrupted);
    }

    public Role role() {
        return role;
    }

    /** The raw text (markdown for replies); grows token by token while streaming. */
    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get();
    }

    /** Whether the reply is still arriving. */
    public ReadOnlyBooleanProperty streamingProperty() {
        return streaming;
    }

    /** Whether the reply was stopped, cut off or failed before its end. */
    public ReadOnlyBooleanProperty interruptedProperty() {
        return interrupted;
    }

    public boolean isInterrupted() {
        return interrupted.get();
    }

    /** The part of the raw text being spoken right now, or {@code null}. */
    public ReadOnlyObjectProperty<SpokenRange> spokenProperty() {
        return spoken;
    }

    void setText(String value) {
        text.set(value);
    }

    void setStreaming(boolean value) {
        streaming.set(value);
    }

    void setInterrupted(boolean value) {
        interrupted.set(value);
    }

    void setSpoken(SpokenRange range) {
        spoken.set(range);
    }

    /**
     * A range of a message's raw text that is being spoken.
     *
     * @param start first character (inclusive)
     * @param end last character (exclusive)
     */
    public record SpokenRange(int start, int end) {
    }
}
