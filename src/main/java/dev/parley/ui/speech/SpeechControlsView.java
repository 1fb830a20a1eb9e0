package dev.parley.ui.speech;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** Voice picker (grouped by language), rate, volume, mute and "speak replies" in the toolbar. */
public final class SpeechControlsView extends HBox {

    public SpeechControlsView(SpeechControlsViewModel model) {
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);

        ComboBox<VoiceChoice> voice = new ComboBox<>(model.choices());
        voice.setId("speech-voice");
        voice.setPrefWidth(280);
        voice.valueProperty().bindBidirectional(model.voiceProperty());
        voice.setCellFactory(view -> new ChoiceCell(true));
        voice.setButtonCell(new ChoiceCell(false));
        voice.setTooltip(new Tooltip("Voice for the next sentence"));

        Slider rate = new Slider(0.5, 2.0, model.rateProperty().get());
        rate.setId("speech-rate");
        rate.setPrefWidth(90);
        rate.valueProperty().bindBidirectional(model.rateProperty());
        Label rateLabel = new Label();
        rateLabel.textProperty().bind(model.rateProperty().asString(Locale.ROOT, "%.2f×"));
        rate.setTooltip(new Tooltip("Speaking rate"));

        Slider volume = new Slider(0, 1, model.volumeProperty().get());
        volume.setId("speech-volume");
        volume.setPrefWidth(80);
        volume.valueProperty().bindBidirectional(model.volumeProperty());
        volume.setTooltip(new Tooltip("Volume"));

        ToggleButton mute = new ToggleButton("Mute");
        mute.setId("speech-mute");
        mute.selectedProperty().bindBidirectional(model.mutedProperty());

        ToggleButton speak = new ToggleButton("Speak replies");
        speak.setId("speech-speak");
        speak.selectedProperty().bindBidirectional(model.speakRepliesProperty());

        getChildren().addAll(new Label("Voice"), voice, new Label("Rate"), rate, rateLabel, new Label("Volume"),
                volume, mute, speak);
    }

    /** Shows the language before the first voice of each language, so the list reads grouped. */
    private static final class ChoiceCell extends ListCell<VoiceChoice> {

        private final boolean inList;

        ChoiceCell(boolean inList) {
            this.inList = inList;
        }

        @Override
        protected void updateItem(VoiceChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            if (!inList || item.isAutomatic()) {
                setText(item.label());
                return;
            }
            int index = getIndex();
            VoiceChoice previous = index > 0 && getListView() != null ? getListView().getItems().get(index - 1) : null;
            boolean firstOfLanguage = previous == null || previous.isAutomatic()
                    || !previous.language().equals(item.language());
            setText((firstOfLanguage ? item.language() + "\n    " : "    ") + item.label());
        }
    }
}
