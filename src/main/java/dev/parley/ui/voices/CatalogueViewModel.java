package dev.parley.ui.voices;

import dev.parley.tts.download.CatalogueClient;
import dev.parley.tts.download.CatalogueException;
import dev.parley.tts.download.CatalogueLanguage;
import dev.parley.tts.download.CatalogueVoice;
import dev.parley.tts.download.DownloadCancelledException;
import dev.parley.tts.download.DownloadException;
import dev.parley.tts.download.VoiceCatalogue;
import dev.parley.tts.download.VoiceDownload;
import dev.parley.tts.download.VoiceDownloader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue tab: fetches the Piper catalogue, filters it by language and quality, and
 * downloads voices into the models folder with the same verification as {@code --download-voice}.
 *
 * <p><b>Threads.</b> Every public method is called on the UI thread, and every property and list
 * changes only there. The catalogue fetch and each download run on the background executor; their
 * results come back through the UI executor.
 *
 * <p><b>Downloads.</b> Each row has its own download, so several voices may download at once; how
 * many really run in parallel is up to the background executor (a row whose download waits for a
 * thread shows {@link DownloadState#QUEUED} and can be cancelled). A download ends installed,
 * cancelled (the row offers the download again) or failed (the row offers it again and shows the
 * message); in every case but success the models folder holds nothing of the voice. Closing the
 * dialog does not stop downloads; {@link #cancelDownloads()} does, for the app's shutdown.
 */
public final class CatalogueViewModel {

    /** The filter value that shows every language or quality. */
    public static final String ALL = "All";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueViewModel.class);
    /** At most 20 progress updates a second per row reach the UI thread. */
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final CatalogueClient client;
    private final VoiceDownloader downloader;
    private final Path modelsDir;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ObservableList<CatalogueRow> rows = FXCollections.observableArrayList();
    // Read-only views are kept: one made per call would stop notifying once garbage collected.
    private final ObservableList<CatalogueRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<CatalogueRow> visibleRows = new FilteredList<>(rows);
    private final ObservableList<String> languageChoices = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> readOnlyLanguageChoices =
            FXCollections.unmodifiableObservableList(languageChoices);
    private final ObservableList<String> qualityChoices = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(ALL, "x_low", "low", "medium", "high"));
    private final Map<String, String> languageLabels = new TreeMap<>();
    private final StringProperty languageFilter = new SimpleStringProperty("");
    private final StringProperty qualityFilter = new SimpleStringProperty(ALL);
    private Set<String> installedIds = Set.of();
    private Runnable onInstalled = () -> {};
    private CompletableFuture<VoiceCatalogue> catalogue;

    /**
     * @param http the HTTP client for the catalogue and the downloads; its timeouts apply
     * @param baseUrl the catalogue root, see {@link CatalogueClient#baseUrl(String)}
     * @param modelsDir where downloaded voices are installed (created when missing); should be
     *     one of the folders the voice library scans, so that they show up as installed
     * @param background runs the catalogue fetch and the downloads; each download occupies a
     *     thread until it ends
     * @param ui runs results on the UI thread, e.g. {@code Platform::runLater}
     */
    public CatalogueViewModel(OkHttpClient http, HttpUrl baseUrl, Path modelsDir, Executor background, Executor ui) {
        this.client = new CatalogueClient(http, baseUrl);
        this.downloader = new VoiceDownloader(http, baseUrl);
        this.modelsDir = modelsDir;
        this.background = background;
        this.ui = ui;
        visibleRows.predicateProperty().bind(Bindings.createObjectBinding(
                () -> filter(languageFilter.get(), qualityFilter.get()), languageFilter, qualityFilter));
    }

    /**
     * Fetches the catalogue unless it is loaded or loading: a first call starts the fetch, a call
     * after a failure retries, any other call returns the stage of the fetch already made.
     *
     * @return completes on the UI thread once the rows are in place, or exceptionally with the
     *     {@link CatalogueException} that {@link #errorProperty()} shows
     */
    public CompletionStage<VoiceCatalogue> load() {
        if (catalogue != null && !catalogue.isCompletedExceptionally()) {
            return catalogue.minimalCompletionStage();
        }
        CompletableFuture<VoiceCatalogue> fetching = new CompletableFuture<>();
        catalogue = fetching;
        loading.set(true);
        error.set(null);
        try {
            background.execute(() -> fetch(fetching));
        } catch (RejectedExecutionException e) {
            loadFailed(fetching, new CatalogueException("cannot load the voice catalogue: the app is shutting down", e));
        }
        return fetching.minimalCompletionStage();
    }

    private void fetch(CompletableFuture<VoiceCatalogue> fetching) {
        try {
            VoiceCatalogue fetched = client.fetch();
            ui.execute(() -> {
                loading.set(false);
                fill(fetched);
                fetching.complete(fetched);
            });
        } catch (CatalogueException e) {
            LOG.warn("{}", e.getMessage());
            ui.execute(() -> loadFailed(fetching, e));
        } catch (RuntimeException e) {
            LOG.warn("cannot load the voice catalogue", e);
            ui.execute(() -> loadFailed(fetching, new CatalogueException("cannot load the voice catalogue: " + e, e)));
        }
    }

    private void loadFailed(CompletableFuture<VoiceCatalogue> fetching, CatalogueException e) {
        loading.set(false);
        error.set(e.getMessage());
        fetching.completeExceptionally(e);
    }

    private void fill(VoiceCatalogue fetched) {
        List<CatalogueRow> loaded = new ArrayList<>();
        Map<String, List<CatalogueLanguage>> families = new TreeMap<>();
        Map<String, CatalogueLanguage> codes = new TreeMap<>();
        for (CatalogueVoice voice : fetched.voices()) {
            loaded.add(new CatalogueRow(voice, installedIds.contains(voice.key())));
            CatalogueLanguage language = voice.language();
            if (codes.putIfAbsent(language.code(), language) == null) {
                families.computeIfAbsent(language.family(), f -> new ArrayList<>()).add(language);
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (List<CatalogueLanguage> regions : families.values()) {
            if (regions.size() > 1) {
                labels.put(regions.get(0).family(), Languages.familyLabel(regions.get(0)));
            }
            regions.forEach(language -> labels.put(language.code(), Languages.label(language)));
        }
        languageLabels.clear();
        languageLabels.putAll(labels);
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        choices.addAll(labels.keySet());
        languageChoices.setAll(choices);
        rows.setAll(loaded);
    }

    /** Whether the catalogue is being fetched. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * Why the catalogue could not be loaded, naming its URL, e.g. {@code could not fetch the voice
     * catalogue from https://…/voices.json: …}; {@code null} when it did not fail. Offer
     * {@link #load()} as Retry.
     */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Every catalogue voice, in the catalogue's order: language, name, quality. */
    public ObservableList<CatalogueRow> rows() {
        return readOnlyRows;
    }

    /** The rows the filters let through. */
    public ObservableList<CatalogueRow> visibleRows() {
        return visibleRows;
    }

    /** The row of a catalogue key, once loaded. */
    public Optional<CatalogueRow> row(String key) {
        return rows.stream().filter(row -> row.key().equals(key)).findFirst();
    }

    /**
     * {@link #ALL}, then the catalogue's language families that have several regions (e.g.
     * {@code en}), each followed by its codes (e.g. {@code en_GB}, {@code en_US}).
     */
    public ObservableList<String> languageChoices() {
        return readOnlyLanguageChoices;
    }

    /** How to show a {@link #languageChoices()} entry, e.g. {@code en_US · English (United States)}. */
    public String languageLabel(String choice) {
        return languageLabels.getOrDefault(choice, choice);
    }

    /** {@link #ALL}, then the qualities from lowest to highest. */
    public ObservableList<String> qualityChoices() {
        return qualityChoices;
    }

    /**
     * The language filter as typed or chosen: blank or {@link #ALL} shows every language;
     * {@code en} every region of a language; {@code en_US} or {@code en-US} one region (any case,
     * as {@link CatalogueLanguage#matches}). Text after the first space is ignored.
     */
    public StringProperty languageFilterProperty() {
        return languageFilter;
    }

    /** {@link #ALL} or one quality: {@code x_low}, {@code low}, {@code medium}, {@code high}. */
    public StringProperty qualityFilterProperty() {
        return qualityFilter;
    }

    private static Predicate<CatalogueRow> filter(String language, String quality) {
        String code = language == null ? "" : language.strip().split("\\s+", 2)[0];
        boolean anyLanguage = code.isEmpty() || code.equalsIgnoreCase(ALL);
        boolean anyQuality = quality == null || quality.isBlank() || quality.equalsIgnoreCase(ALL);
        String wantedQuality = anyQuality ? "" : quality.strip().toLowerCase(Locale.ROOT);
        return row -> (anyLanguage || row.voice().language().matches(code))
                && (anyQuality || row.voice().quality().equals(wantedQuality));
    }

    /**
     * Starts downloading a row's voice unless it is installed or already downloading. Progress,
     * the end and any failure show on the row.
     */
    public void download(CatalogueRow row) {
        if (row.state() != DownloadState.NOT_INSTALLED) {
            return;
        }
        ProgressThrottle throttle = new ProgressThrottle(PROGRESS_INTERVAL_NANOS, System::nanoTime);
        VoiceDownload download = downloader.newDownload(row.voice(), modelsDir, new RowProgressListener(row, throttle, ui));
        row.queued(download);
        try {
            background.execute(() -> run(row, download));
        } catch (RejectedExecutionException e) {
            row.ended(false, "cannot start the download: the app is shutting down");
        }
    }

    private void run(CatalogueRow row, VoiceDownload download) {
        ui.execute(row::downloading);
        try {
            download.run();
            LOG.info("Installed voice {} in {}", row.key(), modelsDir);
            ui.execute(() -> installed(row));
        } catch (DownloadCancelledException e) {
            LOG.info("Download of voice {} cancelled", row.key());
            ui.execute(() -> row.ended(installedIds.contains(row.key()), null));
        } catch (DownloadException e) {
            LOG.warn("{}", e.getMessage());
            ui.execute(() -> row.ended(installedIds.contains(row.key()), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("Download of voice {} failed", row.key(), e);
            ui.execute(() -> row.ended(installedIds.contains(row.key()), "download failed: " + e));
        }
    }

    private void installed(CatalogueRow row) {
        Set<String> ids = new HashSet<>(installedIds);
        ids.add(row.key());
        installedIds = Set.copyOf(ids);
        row.ended(true, null);
        onInstalled.run();
    }

    /** Cancels a row's download; the row offers the download again once its files are gone. */
    public void cancel(CatalogueRow row) {
        row.cancel();
    }

    /** Cancels every download under way, e.g. when the app quits. */
    public void cancelDownloads() {
        rows.forEach(CatalogueRow::cancel);
    }

    /**
     * Tells the rows which voices are installed, by id: the Piper voices of the voice library.
     * Rows that are downloading keep their state.
     */
    void setInstalledIds(Set<String> ids) {
        installedIds = Set.copyOf(ids);
        rows.forEach(row -> row.installed(installedIds.contains(row.key())));
    }

    /** Runs on the UI thread after each successful download. */
    void setOnInstalled(Runnable action) {
        this.onInstalled = action;
    }
}
