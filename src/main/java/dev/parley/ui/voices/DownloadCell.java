package dev.parley.ui.voices;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The status cell of a catalogue row: a Download button (with the last failure beneath it), a
 * progress bar with Cancel while downloading, or "installed". The buttons carry the style classes
 * {@code voices-download-button} and {@code voices-cancel-button}, the bar {@code voices-progress};
 * all three carry the row's key as user data.
 */
final class DownloadCell extends TableCell<CatalogueRow, CatalogueRow> {

    private static final double FAILURE_WIDTH = 290;

    private final Button download = new Button("Download");
    private final Text failure = new Text();
    private final VBox notInstalled = new VBox(2, download, failure);
    private final ProgressBar bar = new ProgressBar();
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel");
    private final HBox downloading = new HBox(6, bar, progressText, cancel);
    private final Label installed = new Label("installed");
    private final ChangeListener<Object> render = (property, before, after) -> render();
    // Rows outlive cells (the table recycles and drops cells): they must not keep cells alive.
    private final WeakChangeListener<Object> weakRender = new WeakChangeListener<>(render);
    private CatalogueRow shown;

    DownloadCell(CatalogueViewModel vm) {
        download.getStyleClass().add("voices-download-button");
        cancel.getStyleClass().add("voices-cancel-button");
        bar.getStyleClass().add("voices-progress");
        progressText.getStyleClass().add("voices-progress-text");
        failure.getStyleClass().add("voices-row-error");
        // Text with a wrapping width, unlike a wrapping Label, tells the table row its true height.
        failure.setWrappingWidth(FAILURE_WIDTH);
        installed.getStyleClass().add("voices-installed-label");
        downloading.setAlignment(Pos.CENTER_LEFT);
        // The bar gives way to the text and the button when the column is narrow.
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
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
                shown.stateProperty().removeListener(weakRender);
                shown.progressProperty().removeListener(weakRender);
                shown.progressTextProperty().removeListener(weakRender);
                shown.errorProperty().removeListener(weakRender);
            }
            shown = next;
            if (shown != null) {
                shown.stateProperty().addListener(weakRender);
                shown.progressProperty().addListener(weakRender);
                shown.progressTextProperty().addListener(weakRender);
                shown.errorProperty().addListener(weakRender);
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
        bar.setUserData(shown.key());
        switch (shown.state()) {
            case NOT_INSTALLED -> {
                String error = shown.error();
                failure.setText(error == null ? "" : error);
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
