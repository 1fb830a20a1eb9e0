package dev.parley.ui.voices;

import dev.parley.tts.download.CatalogueVoice;
import dev.parley.tts.download.VoiceDownload;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One voice of the catalogue as the voices dialog shows it: the voice, whether it is installed,
 * and the progress or failure of its download. Changed only by {@link CatalogueViewModel}, on the
 * UI thread; read it there too.
 */
public final class CatalogueRow {

    /** {@link #progressProperty()} while the amount of work is not known yet. */
    public static final double UNKNOWN_PROGRESS = -1;

    private final CatalogueVoice voice;
    private final ReadOnlyObjectWrapper<DownloadState> state;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(UNKNOWN_PROGRESS);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    /** The download under way; {@code null} unless {@link DownloadState#busy()}. */
    private VoiceDownload download;

    CatalogueRow(CatalogueVoice voice, boolean installed) {
        this.voice = voice;
        this.state = new ReadOnlyObjectWrapper<>(installed ? DownloadState.INSTALLED : DownloadState.NOT_INSTALLED);
    }

    public CatalogueVoice voice() {
        return voice;
    }

    /** The catalogue key, which is also the installed voice's id. */
    public String key() {
        return voice.key();
    }

    /** E.g. {@code de_DE · Deutsch / German (Germany)}. */
    public String languageLabel() {
        return Languages.label(voice.language());
    }

    /** Download size of the model and its config, e.g. {@code 63.2 MB}. */
    public String sizeText() {
        return SizeText.megabytes(voice.sizeBytes());
    }

    public ReadOnlyObjectProperty<DownloadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public DownloadState state() {
        return state.get();
    }

    /** Share of the download done, 0 to 1, or {@link #UNKNOWN_PROGRESS}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** E.g. {@code 12.6 / 63.2 MB (20%)} while downloading; empty otherwise. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Why the last download failed, fit to show; {@code null} when it did not fail. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    void queued(VoiceDownload started) {
        download = started;
        error.set(null);
        progress.set(UNKNOWN_PROGRESS);
        progressText.set("waiting…");
        state.set(DownloadState.QUEUED);
    }

    void downloading() {
        if (state.get() == DownloadState.QUEUED) {
            progressText.set("connecting…");
            state.set(DownloadState.DOWNLOADING);
        }
    }

    void progress(long done, long total) {
        if (state.get() == DownloadState.DOWNLOADING) {
            progress.set(total > 0 ? (double) done / total : UNKNOWN_PROGRESS);
            progressText.set(SizeText.progress(done, total));
        }
    }

    /** Asks the running download to stop; its end is reported through {@link #ended}. */
    void cancel() {
        if (download != null && state.get() != DownloadState.CANCELLING) {
            state.set(DownloadState.CANCELLING);
            download.cancel();
        }
    }

    /**
     * The download ended: installed, cancelled ({@code failure == null}, {@code installed} as
     * before), or failed with a message.
     */
    void ended(boolean installed, String failure) {
        download = null;
        progress.set(installed ? 1 : UNKNOWN_PROGRESS);
        progressText.set("");
        error.set(failure);
        state.set(installed ? DownloadState.INSTALLED : DownloadState.NOT_INSTALLED);
    }

    /** The installed voices changed; ignored while a download is under way. */
    void installed(boolean installed) {
        if (!state.get().busy()) {
            state.set(installed ? DownloadState.INSTALLED : DownloadState.NOT_INSTALLED);
        }
    }
}
