package dev.parley.ui.voices;

import dev.parley.tts.Voice;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The installed tab: the voices table, "Play sample" for the selected voice, and its error. */
final class InstalledVoicesView extends VBox {

    private static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");

    InstalledVoicesView(InstalledVoicesViewModel vm) {
        getStyleClass().add("voices-tab-content");
        TableView<Voice> table = new TableView<>();
        table.setId("voices-installed-table");
        SortedList<Voice> sorted = new SortedList<>(vm.voices());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No voices found."));
        table.getColumns().add(column("Voice", 220, Voice::id));
        table.getColumns().add(column("Language", 80, voice -> orDash(voice.language())));
        table.getColumns().add(column("Engine", 80, Voice::engine));
        table.getColumns().add(column("Quality", 70, voice -> orDash(voice.quality())));
        table.getColumns().add(column("Sample rate", 90,
                voice -> voice.sampleRate() > 0 ? voice.sampleRate() + " Hz" : "–"));
        table.getColumns().add(column("Speakers", 70,
                voice -> Integer.toString(Math.max(1, voice.speakers().size()))));
        table.getColumns().add(column("Status", 260,
                voice -> voice.available() ? "available" : "unavailable: " + voice.reason()));
        table.setRowFactory(view -> new VoiceRow());
        VBox.setVgrow(table, Priority.ALWAYS);

        Button play = new Button("Play sample");
        play.setId("voices-play-sample");
        play.disableProperty().bind(Bindings.createBooleanBinding(
                () -> {
                    Voice selected = table.getSelectionModel().getSelectedItem();
                    return selected == null || !selected.available() || vm.sampleBusyProperty().get();
                },
                table.getSelectionModel().selectedItemProperty(), vm.sampleBusyProperty()));
        play.setOnAction(event -> vm.playSample(table.getSelectionModel().getSelectedItem()));

        Label error = new Label();
        error.setId("voices-sample-error");
        error.getStyleClass().add("voices-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.sampleErrorProperty());
        error.visibleProperty().bind(vm.sampleErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        HBox actions = new HBox(8, play);
        getChildren().addAll(table, actions, error);
    }

    private static TableColumn<Voice, String> column(String title, double width, Function<Voice, String> text) {
        TableColumn<Voice, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        return column;
    }

    private static String orDash(String text) {
        return text == null ? "–" : text;
    }

    /** Greys a voice that cannot be used and explains why in a tooltip. */
    private static final class VoiceRow extends TableRow<Voice> {
        @Override
        protected void updateItem(Voice voice, boolean empty) {
            super.updateItem(voice, empty);
            boolean unavailable = !empty && voice != null && !voice.available();
            pseudoClassStateChanged(UNAVAILABLE, unavailable);
            setTooltip(unavailable ? new Tooltip(voice.reason()) : null);
        }
    }
}
