package dev.parley.ui.status;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The status bar. */
public final class StatusView extends HBox {

    /**
     * @param audioProblem shown when there is no audio output
     * @param changePort called when the person wants another server port
     */
    public StatusView(StatusViewModel model, ObservableStringValue audioProblem,
            Runnable changePort) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));

        Label modelLabel = label("status-model", model.modelProperty());
        modelLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label connection = label("status-connection", model.connectionProperty());
        connection.setMaxWidth(360);
        model.connectionOkProperty().addListener((o, a, ok) -> connection.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("error"), !ok));
        Label turn = label("status-turn", model.turnProperty());
        Label audio = new Label();
        audio.setId("status-audio");
        audio.getStyleClass().add("status-warning");
        // The short form keeps the bar readable; the device's own words are in the tooltip.
        audio.textProperty().bind(Bindings.createStringBinding(
                () -> audioProblem.get() == null ? "" : "no audio output", audioProblem));
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(audioProblem);
        audio.setTooltip(detail);
        audio.visibleProperty().bind(Bindings.isNotEmpty(audioProblem));
        audio.managedProperty().bind(audio.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label server = label("status-server", model.serverProperty());
        server.setMinWidth(Region.USE_PREF_SIZE);
        Hyperlink port = new Hyperlink("Change port…");
        port.setId("status-change-port");
        port.setOnAction(e -> changePort.run());
        port.visibleProperty().bind(model.serverOffProperty());
        port.managedProperty().bind(port.visibleProperty());
        Hyperlink token = new Hyperlink("Copy token");
        token.setId("status-copy-token");
        // The token itself is not shown: the bar is visible to anyone looking at the screen.
        token.setTooltip(new Tooltip("Clients must send this server's access token, as ?token=… or "
                + "Authorization: Bearer …; this copies it to the clipboard"));
        token.setOnAction(e -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT,
                model.accessToken())));
        token.visibleProperty().bind(model.tokenRequiredProperty());
        token.managedProperty().bind(token.visibleProperty());

        getChildren().addAll(modelLabel, new Separator(Orientation.VERTICAL), connection,
                new Separator(Orientation.VERTICAL), turn, audio, spacer, server, token, port);
    }

    private static Label label(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }
}
