package dev.parley.ui.settings;

import dev.parley.config.Provider;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The settings window (the app opens it with Ctrl+,): binds to a {@link SettingsViewModel} and
 * forwards the buttons to it. Save closes it once the settings are saved and applied; Cancel,
 * Escape and the close box discard the edits.
 *
 * <p>Control ids: {@code #settings-provider}, {@code #settings-base-url}, {@code #settings-model},
 * {@code #settings-refresh-models}, {@code #settings-models-status}, {@code #settings-api-key}
 * (masked), {@code #settings-api-key-visible}, {@code #settings-api-key-show},
 * {@code #settings-system-prompt}, {@code #settings-reset-prompt}, {@code #settings-port},
 * {@code #settings-error}, {@code #settings-save}, {@code #settings-cancel}, and a note per field
 * ({@code #settings-provider-note}, {@code #settings-base-url-note}, {@code #settings-model-note},
 * {@code #settings-api-key-note}, {@code #settings-system-prompt-note}, {@code #settings-port-note}).
 */
public final class SettingsDialog {

    private final SettingsViewModel viewModel;
    private final Stage stage = new Stage();

    private SettingsDialog(Window owner, SettingsViewModel viewModel) {
        this.viewModel = viewModel;
        stage.setTitle("Settings");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(content());
        scene.getStylesheets().add(SettingsDialog.class.getResource("settings.css").toExternalForm());
        stage.setScene(scene);
    }

    /**
     * Opens the dialog over {@code owner} (modal to it; {@code null} for none) with the current
     * settings, and returns at once. Call on the FX thread.
     */
    public static Stage show(Window owner, SettingsViewModel viewModel) {
        SettingsDialog dialog = new SettingsDialog(owner, viewModel);
        viewModel.open();
        dialog.stage.show();
        return dialog.stage;
    }

    private Parent content() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        // Wrapping notes in the field column would otherwise squeeze the names to "…".
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        int row = 0;
        row = addRow(grid, row, "Provider", providerBox(), "settings-provider-note", viewModel.providerNoteProperty());
        TextField baseUrl = new TextField();
        baseUrl.setId("settings-base-url");
        baseUrl.textProperty().bindBidirectional(viewModel.baseUrlProperty());
        baseUrl.setOnAction(event -> viewModel.connectionEdited());
        whenLeft(baseUrl);
        row = addRow(grid, row, "Base URL", baseUrl, "settings-base-url-note", viewModel.baseUrlNoteProperty());
        row = addRow(grid, row, "Model", modelRow(), "settings-model-note", viewModel.modelNoteProperty());
        // Keeps its line even when empty: the status changes while the mouse may be on the rows below.
        Label modelsStatus = new Label();
        modelsStatus.setId("settings-models-status");
        modelsStatus.getStyleClass().add("settings-note");
        modelsStatus.setWrapText(true);
        modelsStatus.textProperty().bind(viewModel.modelsStatusProperty());
        grid.add(modelsStatus, 1, row++);
        row = addRow(grid, row, "API key", keyRow(), "settings-api-key-note", viewModel.apiKeyNoteProperty());
        row = addRow(grid, row, "System prompt", promptRow(), "settings-system-prompt-note",
                viewModel.systemPromptNoteProperty());
        TextField port = new TextField();
        port.setId("settings-port");
        port.setPrefColumnCount(6);
        port.setMaxWidth(Region.USE_PREF_SIZE);
        port.textProperty().bindBidirectional(viewModel.portProperty());
        row = addRow(grid, row, "Server port", port, "settings-port-note", viewModel.portNoteProperty());

        Label error = new Label();
        error.setId("settings-error");
        error.getStyleClass().add("settings-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        showWhenNotEmpty(error);

        Button save = new Button("Save");
        save.setId("settings-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(viewModel.savingProperty());
        save.setOnAction(event -> viewModel.save(stage::close));
        Button cancel = new Button("Cancel");
        cancel.setId("settings-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        HBox buttons = new HBox(8, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, grid, error, buttons);
        root.setPadding(new Insets(16));
        root.setPrefWidth(620);
        return root;
    }

    private ComboBox<Provider> providerBox() {
        ComboBox<Provider> box = new ComboBox<>();
        box.setId("settings-provider");
        box.getItems().setAll(Provider.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Provider provider) {
                return provider == null ? "" : provider == Provider.OPENAI ? "OpenAI-compatible" : "Ollama";
            }

            @Override
            public Provider fromString(String text) {
                return "Ollama".equals(text) ? Provider.OLLAMA : Provider.OPENAI;
            }
        });
        box.valueProperty().bindBidirectional(viewModel.providerProperty());
        return box;
    }

    private Node modelRow() {
        ComboBox<String> box = new ComboBox<>(viewModel.models());
        box.setId("settings-model");
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.getEditor().textProperty().bindBidirectional(viewModel.modelProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("settings-refresh-models");
        refresh.disableProperty().bind(viewModel.modelsLoadingProperty());
        refresh.setOnAction(event -> viewModel.refreshModels());
        HBox.setHgrow(box, Priority.ALWAYS);
        return new HBox(6, box, refresh);
    }

    private Node keyRow() {
        PasswordField masked = new PasswordField();
        masked.setId("settings-api-key");
        masked.textProperty().bindBidirectional(viewModel.apiKeyProperty());
        TextField plain = new TextField();
        plain.setId("settings-api-key-visible");
        plain.textProperty().bindBidirectional(viewModel.apiKeyProperty());
        ToggleButton show = new ToggleButton("Show");
        show.setId("settings-api-key-show");
        plain.visibleProperty().bind(show.selectedProperty());
        masked.visibleProperty().bind(show.selectedProperty().not());
        for (TextField field : new TextField[] {masked, plain}) {
            field.setOnAction(event -> viewModel.connectionEdited());
            whenLeft(field);
        }
        StackPane fields = new StackPane(masked, plain);
        HBox.setHgrow(fields, Priority.ALWAYS);
        return new HBox(6, fields, show);
    }

    private Node promptRow() {
        TextArea prompt = new TextArea();
        prompt.setId("settings-system-prompt");
        prompt.setWrapText(true);
        prompt.setPrefRowCount(5);
        prompt.textProperty().bindBidirectional(viewModel.systemPromptProperty());
        Button reset = new Button("Reset to default");
        reset.setId("settings-reset-prompt");
        reset.setOnAction(event -> viewModel.resetSystemPrompt());
        VBox box = new VBox(4, prompt, reset);
        box.setAlignment(Pos.TOP_RIGHT);
        return box;
    }

    private void whenLeft(TextField field) {
        field.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused) {
                viewModel.connectionEdited();
            }
        });
    }

    private static int addRow(GridPane grid, int row, String label, Node field, String noteId,
            ObservableStringValue noteText) {
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        name.setLabelFor(field);
        GridPane.setValignment(name, VPos.TOP);
        name.setPadding(new Insets(4, 0, 0, 0));
        grid.add(name, 0, row);
        grid.add(field, 1, row);
        grid.add(note(noteId, noteText), 1, row + 1);
        return row + 2;
    }

    private static Label note(String id, ObservableStringValue text) {
        Label note = new Label();
        note.setId(id);
        note.getStyleClass().add("settings-note");
        note.setWrapText(true);
        note.textProperty().bind(text);
        showWhenNotEmpty(note);
        return note;
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
