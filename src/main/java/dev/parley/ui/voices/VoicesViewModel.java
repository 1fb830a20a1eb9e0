package dev.parley.ui.voices;

import dev.parley.tts.PiperEngine;
import dev.parley.tts.Voice;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;

/**
 * The voices dialog: the installed voices and the catalogue, kept in step (a finished download
 * refreshes the installed list; the installed list decides which catalogue rows are installed),
 * and the first-start offer of a voice.
 *
 * <p>Called on the UI thread, like its two parts.
 */
public final class VoicesViewModel {

    private final InstalledVoicesViewModel installed;
    private final CatalogueViewModel catalogue;

    public VoicesViewModel(InstalledVoicesViewModel installed, CatalogueViewModel catalogue) {
        this.installed = installed;
        this.catalogue = catalogue;
        installed.voices().addListener((ListChangeListener<Voice>) change -> showInstalled());
        catalogue.setOnInstalled(installed::refresh);
        showInstalled();
    }

    public InstalledVoicesViewModel installed() {
        return installed;
    }

    public CatalogueViewModel catalogue() {
        return catalogue;
    }

    /** What the dialog does when it opens: reads the installed voices again and loads the catalogue once. */
    public void open() {
        installed.refresh();
        catalogue.load();
    }

    /**
     * Finds the voice to offer on a first start. Reads the installed voices first and fetches the
     * catalogue only when no Piper voice is installed; never downloads anything.
     *
     * @param locale the system locale, e.g. {@code Locale.getDefault()}
     * @return completes on the UI thread with the row to offer (not installed and not
     *     downloading), or empty when there is nothing to offer or the catalogue cannot be loaded
     *     (the catalogue tab then shows why)
     */
    public CompletionStage<Optional<CatalogueRow>> firstStartSuggestion(Locale locale) {
        return installed.refresh()
                .thenCompose(voices -> !FirstVoiceSuggestion.wanted(voices)
                        ? CompletableFuture.completedFuture(Optional.<CatalogueRow>empty())
                        : catalogue.load().thenApply(loaded -> FirstVoiceSuggestion.choose(locale, loaded, voices)
                                .flatMap(voice -> catalogue.row(voice.key()))
                                .filter(row -> row.state() == DownloadState.NOT_INSTALLED)))
                .exceptionally(e -> Optional.empty());
    }

    /** Cancels every download under way, e.g. when the app quits. */
    public void cancelDownloads() {
        catalogue.cancelDownloads();
    }

    private void showInstalled() {
        catalogue.setInstalledIds(installed.voices().stream()
                .filter(voice -> PiperEngine.NAME.equals(voice.engine()))
                .map(Voice::id)
                .collect(Collectors.toSet()));
    }
}
