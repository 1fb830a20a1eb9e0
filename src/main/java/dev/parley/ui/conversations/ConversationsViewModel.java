package dev.parley.ui.conversations;

import dev.parley.chat.ConversationStore;
import dev.parley.chat.ConversationSummary;
import dev.parley.ui.chat.ChatViewModel;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The conversations sidebar: every stored conversation, newest first, including those started
 * over the WebSocket; new, open, rename and delete. The list follows the store: changes made on
 * any thread are applied on the FX thread through the {@code ui} executor. Rename and delete run
 * on the {@code background} executor, since each waits for a save of the same conversation that
 * may be stuck on a slow disk; their failures reach {@link #problemProperty()} on the FX thread.
 */
public final class ConversationsViewModel {

    private final ConversationStore store;
    private final ChatViewModel chat;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<ConversationSummary> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final Runnable storeListener;

    /**
     * @param background runs renames and deletes, which write to disk
     * @param ui delivers to the FX thread
     */
    public ConversationsViewModel(ConversationStore store, ChatViewModel chat, Executor background, Executor ui) {
        this.store = store;
        this.chat = chat;
        this.background = background;
        this.ui = ui;
        this.storeListener = () -> ui.execute(this::refresh);
        store.addListener(storeListener);
        refresh();
    }

    /** Re-reads the list from the store. */
    public void refresh() {
        items.setAll(store.list());
    }

    /** Starts a new, empty conversation (Ctrl+N). */
    public void newChat() {
        chat.newConversation();
    }

    /** Shows a conversation; the audio of the previous one stops. */
    public void open(String id) {
        if (Objects.equals(id, chat.conversationId())) {
            return;
        }
        store.find(id).ifPresentOrElse(chat::open, () -> problem.set("conversation " + id + " no longer exists"));
    }

    /** Gives a conversation a new title, on the background executor; a blank title is ignored. */
    public void rename(String id, String title) {
        if (title == null || title.isBlank()) {
            return;
        }
        change(() -> store.rename(id, title), "could not rename: ");
    }

    /**
     * Deletes a conversation (the view asks for confirmation first) on the background executor;
     * the open one is closed at once.
     */
    public void delete(String id) {
        if (Objects.equals(id, chat.conversationId())) {
            chat.newConversation();
        }
        change(() -> store.delete(id), "could not delete: ");
    }

    /** Makes the change on the background executor, then shows its failure, or clears the last one. */
    private void change(StoreChange change, String failure) {
        background.execute(() -> {
            String outcome;
            try {
                change.run();
                outcome = null;
            } catch (IOException e) {
                outcome = failure + e.getMessage();
            }
            String shown = outcome;
            ui.execute(() -> problem.set(shown));
        });
    }

    /** A rename or delete in the store. */
    @FunctionalInterface
    private interface StoreChange {
        void run() throws IOException;
    }

    /** The conversation shown in the chat, or {@code null} for a new one. */
    public ReadOnlyStringProperty selectedIdProperty() {
        return chat.conversationIdProperty();
    }

    public ObservableList<ConversationSummary> items() {
        return items;
    }

    /** The last failure to rename or delete, or {@code null}. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Stops following the store. */
    public void dispose() {
        store.removeListener(storeListener);
    }
}
