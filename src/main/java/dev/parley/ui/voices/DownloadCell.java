package dev.parley.ui.voices;

import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The status cell of a catalogue row: a Download button (with the last failure beneath it), a
 * progress bar with Cancel while downloading, or "installed". The buttons carry the style classes
 * {@code voices-download-button} and {@code voices-cancel-button} and the row's key as user data.
 */
final class DownloadCell extends TableCell<CatalogueRow, CatalogueRow> {

    private final CatalogueViewModel vm;
    private final Button download = new Button("Download");
    private final Label failure = new Label();
    private final VBox notInstalled = new VBox(2, download, failure);
    private final ProgressBar bar = new ProgressBar();
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel");
    private final HBox downloading = new HBox(6, bar, progressText, cancel);
    private final Label installed = new Label("installed");
    private final InvalidationListener render = observable -> render();
    private CatalogueRow shown;

    DownloadCell(CatalogueViewModel vm) {
        this.vm = vm;
        download.getStyleClass().add("voices-download-button");
        cancel.getStyleClass().add("voices-cancel-button");
        bar.getStyleClass().add("voices-progress");
        progressText.getStyleClass().add("voices-progress-text");
        failure.getStyleClass().add("voices-row-error");
        failure.setWrapText(true);
        failure.setMaxWidth(320);
        installed.getStyleClass().add("voices-installed-label");
        downloading.setAlignment(Pos.CENTER_LEFT);
        download.setOnAction(event -> {
            if (shown != null) {
                vm.download(shown);
            }
        });
        cancel.setOnAction(event -> {
            if (shown != null) {
                vm.cancel(shown);
            }
        });
    }

    @Override
    protected void updateItem(CatalogueRow row, boolean empty) {
        super.updateItem(row, empty);
        CatalogueRow next = empty ? null : row;
        if (next != shown) {
            if (shown != null) {
                shown.stateProperty().removeListener(render);
                shown.progressProperty().removeListener(render);
                shown.progressTextProperty().removeListener(render);
                shown.errorProperty().removeListener(render);
            }
            shown = next;
            if (shown != null) {
                shown.stateProperty().addListener(render);
                shown.progressProperty().addListener(render);
                shown.progressTextProperty().addListener(render);
                shown.errorProperty().addListener(render);
            }
        }
        render();
    }

    private void render() {
        if (shown == null) {
            setGraphic(null);
            return;
        }
        download.setUserData(shown.key());
        cancel.setUserData(shown.key());
        switch (shown.state()) {
            case NOT_INSTALLED -> {
                String error = shown.error();
                failure.setText(error);
                failure.setTooltip(error == null ? null : new Tooltip(error));
                failure.setVisible(error != null);
                failure.setManaged(error != null);
                setGraphic(notInstalled);
            }
            case QUEUED, DOWNLOADING, CANCELLING -> {
                bar.setProgress(shown.progressProperty().get());
                progressText.setText(shown.state() == DownloadState.CANCELLING
                        ? "cancelling…" : shown.progressTextProperty().get());
                cancel.setDisable(shown.state() == DownloadState.CANCELLING);
                setGraphic(downloading);
            }
            case INSTALLED -> setGraphic(installed);
        }
    }
}
