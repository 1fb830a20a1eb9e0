package dev.parley.ui.conversations;

import dev.parley.chat.ConversationSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The sidebar: New chat, and the conversations newest first with rename and delete. */
public final class ConversationsView extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final ConversationsViewModel model;
    private final ListView<ConversationSummary> list = new ListView<>();
    private boolean syncing;

    public ConversationsView(ConversationsViewModel model) {
        this.model = model;
        setId("conversations");
        getStyleClass().add("sidebar");
        setSpacing(8);
        setPadding(new Insets(12, 8, 12, 12));

        Button newChat = new Button("New chat");
        newChat.setId("conversations-new");
        newChat.setMaxWidth(Double.MAX_VALUE);
        newChat.setOnAction(e -> model.newChat());

        list.setId("conversations-list");
        list.setItems(model.items());
        list.setPlaceholder(new Label("No conversations yet"));
        list.setCellFactory(view -> new SummaryCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, selected) -> {
            if (!syncing && selected != null) {
                model.open(selected.id());
            }
        });
        model.selectedIdProperty().addListener((o, a, id) -> select(id));
        model.items().addListener((ListChangeListener<ConversationSummary>) c ->
                select(model.selectedIdProperty().get()));
        list.setOnKeyPressed(event -> {
            ConversationSummary selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && event.getCode() == KeyCode.DELETE) {
                confirmDelete(selected);
            } else if (selected != null && event.getCode() == KeyCode.F2) {
                rename(selected);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label problem = new Label();
        problem.getStyleClass().add("sidebar-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);

        getChildren().addAll(newChat, list, problem);
    }

    private void select(String id) {
        syncing = true;
        try {
            ConversationSummary match = model.items().stream().filter(s -> Objects.equals(s.id(), id)).findFirst()
                    .orElse(null);
            if (match == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(match);
            }
        } finally {
            syncing = false;
        }
    }

    private void rename(ConversationSummary summary) {
        TextInputDialog dialog = new TextInputDialog(summary.title());
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Rename conversation");
        dialog.setHeaderText(null);
        dialog.setContentText("Title:");
        dialog.getEditor().setId("conversations-rename-field");
        dialog.showAndWait().ifPresent(title -> model.rename(summary.id(), title));
    }

    private void confirmDelete(ConversationSummary summary) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Delete \"" + display(summary) + "\"? This cannot be undone.", ButtonType.CANCEL, ButtonType.OK);
        confirm.initOwner(getScene().getWindow());
        confirm.setTitle("Delete conversation");
        confirm.setHeaderText(null);
        confirm.getDialogPane().setId("conversations-delete-confirm");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> model.delete(summary.id()));
    }

    private static String display(ConversationSummary summary) {
        return summary.title().isBlank() ? "(untitled)" : summary.title();
    }

    private final class SummaryCell extends ListCell<ConversationSummary> {

        private final Label title = new Label();
        private final Label when = new Label();
        private final VBox box = new VBox(2, title, when);
        private final ContextMenu menu = new ContextMenu();

        SummaryCell() {
            // A cell as wide as its text would make the list scroll sideways; long titles end in "…" instead.
            setPrefWidth(0);
            title.getStyleClass().add("conversation-title");
            when.getStyleClass().add("conversation-when");
            MenuItem rename = new MenuItem("Rename…");
            rename.setOnAction(e -> rename(getItem()));
            MenuItem delete = new MenuItem("Delete…");
            delete.setOnAction(e -> confirmDelete(getItem()));
            menu.getItems().addAll(rename, delete);
        }

        @Override
        protected void updateItem(ConversationSummary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            title.setText(display(item));
            when.setText(WHEN.format(item.updatedAt()) + " · " + item.messageCount() + " messages");
            setGraphic(box);
            setContextMenu(menu);
        }
    }
}
