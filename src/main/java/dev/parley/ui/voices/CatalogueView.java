package dev.parley.ui.voices;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The catalogue tab: language and quality filters, the loading indicator or the load error with
 * Retry, and the catalogue table with a download cell per row.
 */
final class CatalogueView extends VBox {

    CatalogueView(CatalogueViewModel vm) {
        getStyleClass().add("voices-tab-content");

        ComboBox<String> language = new ComboBox<>(vm.languageChoices());
        language.setId("voices-language-filter");
        language.setEditable(true);
        language.setPromptText("All languages: type en, en_US, de…");
        language.setPrefWidth(240);
        language.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : vm.languageLabel(choice));
            }
        });
        // Typing filters as you go; choosing from the list puts the code in the editor.
        language.getEditor().textProperty().bindBidirectional(vm.languageFilterProperty());

        ComboBox<String> quality = new ComboBox<>(vm.qualityChoices());
        quality.setId("voices-quality-filter");
        quality.valueProperty().bindBidirectional(vm.qualityFilterProperty());

        HBox filters = new HBox(8, new Label("Language"), language, new Label("Quality"), quality);
        filters.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        HBox loading = new HBox(6, spinner, new Label("Loading the voice catalogue…"));
        loading.setId("voices-catalogue-loading");
        loading.setAlignment(Pos.CENTER_LEFT);
        loading.visibleProperty().bind(vm.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());

        Label error = new Label();
        error.setId("voices-catalogue-error");
        error.getStyleClass().add("voices-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Button retry = new Button("Retry");
        retry.setId("voices-catalogue-retry");
        retry.setOnAction(event -> vm.load());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        HBox failed = new HBox(8, error, retry);
        failed.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(error, Priority.ALWAYS);
        failed.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        failed.managedProperty().bind(failed.visibleProperty());

        TableView<CatalogueRow> table = new TableView<>();
        table.setId("voices-catalogue-table");
        SortedList<CatalogueRow> sorted = new SortedList<>(vm.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(Bindings.isEmpty(vm.rows()))
                .then("The catalogue is not loaded.")
                .otherwise("No voice matches the filters."));
        table.setPlaceholder(placeholder);
        table.getColumns().add(text("Voice", 200, CatalogueRow::key));
        table.getColumns().add(text("Language", 255, CatalogueRow::languageLabel));
        table.getColumns().add(text("Quality", 70, row -> row.voice().quality()));
        TableColumn<CatalogueRow, Number> speakers = new TableColumn<>("Speakers");
        speakers.setPrefWidth(70);
        speakers.setCellValueFactory(cell -> new SimpleIntegerProperty(cell.getValue().voice().numSpeakers()));
        table.getColumns().add(speakers);
        TableColumn<CatalogueRow, Number> size = new TableColumn<>("Size");
        size.setPrefWidth(80);
        size.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().voice().sizeBytes()));
        size.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Number bytes, boolean empty) {
                super.updateItem(bytes, empty);
                setText(empty || bytes == null ? null : SizeText.megabytes(bytes.longValue()));
            }
        });
        table.getColumns().add(size);
        TableColumn<CatalogueRow, CatalogueRow> status = new TableColumn<>("Status");
        status.setPrefWidth(320);
        status.setSortable(false);
        status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        status.setCellFactory(column -> new DownloadCell(vm));
        table.getColumns().add(status);
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(filters, loading, failed, table);
    }

    private static TableColumn<CatalogueRow, String> text(String title, double width,
            Function<CatalogueRow, String> value) {
        TableColumn<CatalogueRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
