package dev.parley.ui.voices;

import static dev.parley.testing.CatalogueServer.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.CatalogueServer;
import dev.parley.testing.FakeVoice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogueViewModelTest {

    private static final FakeVoice AMY = us(FakeVoice.of("en_US", "amy", "medium", 300_000));
    private static final FakeVoice LESSAC = us(FakeVoice.of("en_US", "lessac", "high", 2_000));
    private static final FakeVoice LIBRITTS = us(FakeVoice.of("en_US", "libritts", "medium", 2_000).speakers(904));
    private static final FakeVoice ALAN = FakeVoice.of("en_GB", "alan", "low", 2_000)
            .names("English", "English", "Great Britain");
    private static final FakeVoice THORSTEN = german(FakeVoice.of("de_DE", "thorsten", "medium", 2_000));
    private static final FakeVoice EVA = german(FakeVoice.of("de_DE", "eva", "x_low", 2_000));

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    private Path tmp;

    private final OkHttpClient http = new OkHttpClient();
    private final UiQueue ui = new UiQueue();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private CatalogueServer catalogue;
    private Path models;
    private CatalogueViewModel vm;

    @BeforeEach
    void setUp() {
        catalogue = new CatalogueServer(server);
        catalogue.publish(AMY, LESSAC, LIBRITTS, ALAN, THORSTEN, EVA);
        models = tmp.resolve("models");
        vm = new CatalogueViewModel(http, catalogue.baseUrl(), models, background, ui);
    }

    @AfterEach
    void tearDown() {
        catalogue.releaseStalled();
        background.shutdownNow();
    }

    @Test
    void loadsTheCatalogueInTheBackgroundWithRowsAndLanguageChoices() throws Exception {
        vm.load();
        assertThat(vm.loadingProperty().get()).isTrue();

        ui.runUntil("the catalogue", () -> !vm.loadingProperty().get());

        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.rows()).extracting(CatalogueRow::key).containsExactly(
                "de_DE-eva-x_low", "de_DE-thorsten-medium", "en_GB-alan-low",
                "en_US-amy-medium", "en_US-lessac-high", "en_US-libritts-medium");
        assertThat(vm.visibleRows()).hasSize(6);
        assertThat(vm.rows()).allSatisfy(row -> assertThat(row.state()).isEqualTo(DownloadState.NOT_INSTALLED));
        assertThat(vm.languageChoices()).containsExactly("All", "de_DE", "en", "en_GB", "en_US");
        assertThat(vm.languageLabel("de_DE")).isEqualTo("de_DE · Deutsch / German (Germany)");
        assertThat(vm.languageLabel("en")).isEqualTo("en · English, all regions");
        CatalogueRow amy = vm.row(AMY.key()).orElseThrow();
        assertThat(amy.sizeText()).isEqualTo("0.3 MB");
        assertThat(amy.voice().sizeBytes()).isEqualTo(300_000L + AMY.config().length);
        assertThat(vm.row(LIBRITTS.key()).orElseThrow().voice().numSpeakers()).isEqualTo(904);
    }

    @Test
    void loadsOnlyOnceUnlessItFailed() throws Exception {
        vm.load();
        ui.runUntil("the catalogue", () -> !vm.rows().isEmpty());

        vm.load();
        ui.runPending();

        assertThat(catalogue.requestedPaths()).containsExactly("voices.json");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aFailedLoadShowsWhyWithTheUrlAndRetryLoads() throws Exception {
        catalogue.respond("voices.json", () -> new MockResponse.Builder().code(503).build());

        vm.load();
        ui.runUntil("the failure", () -> !vm.loadingProperty().get());

        assertThat(vm.errorProperty().get())
                .isEqualTo("could not fetch the voice catalogue: HTTP 503 at " + catalogue.catalogueUrl());
        assertThat(vm.rows()).isEmpty();

        catalogue.publish(AMY);
        vm.load();
        assertThat(vm.errorProperty().get()).isNull();
        ui.runUntil("the retry", () -> !vm.loadingProperty().get());

        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.rows()).extracting(CatalogueRow::key).containsExactly(AMY.key());
    }

    @Test
    void offlineTheErrorNamesTheCatalogueUrl() throws Exception {
        String url = catalogue.catalogueUrl();
        server.close();

        vm.load();
        ui.runUntil("the failure", () -> !vm.loadingProperty().get());

        assertThat(vm.errorProperty().get()).startsWith("could not fetch the voice catalogue from " + url + ": ");
    }

    @ParameterizedTest(name = "language \"{0}\", quality {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "All      | All    | de_DE-eva-x_low de_DE-thorsten-medium en_GB-alan-low en_US-amy-medium en_US-lessac-high en_US-libritts-medium",
        "''       | All    | de_DE-eva-x_low de_DE-thorsten-medium en_GB-alan-low en_US-amy-medium en_US-lessac-high en_US-libritts-medium",
        "null     | null   | de_DE-eva-x_low de_DE-thorsten-medium en_GB-alan-low en_US-amy-medium en_US-lessac-high en_US-libritts-medium",
        "en       | All    | en_GB-alan-low en_US-amy-medium en_US-lessac-high en_US-libritts-medium",
        "en_US    | All    | en_US-amy-medium en_US-lessac-high en_US-libritts-medium",
        "en-US    | All    | en_US-amy-medium en_US-lessac-high en_US-libritts-medium",
        "EN-us    | All    | en_US-amy-medium en_US-lessac-high en_US-libritts-medium",
        "' en_GB '| All    | en_GB-alan-low",
        "de       | All    | de_DE-eva-x_low de_DE-thorsten-medium",
        "en_US · English (United States) | All | en_US-amy-medium en_US-lessac-high en_US-libritts-medium",
        "All      | medium | de_DE-thorsten-medium en_US-amy-medium en_US-libritts-medium",
        "en       | medium | en_US-amy-medium en_US-libritts-medium",
        "de       | x_low  | de_DE-eva-x_low",
        "en_GB    | high   | ''",
        "fr       | All    | ''",
        "xx_YY_ZZ | All    | ''",
    })
    void filtersByLanguageAndQuality(String language, String quality, String expected) throws Exception {
        vm.load();
        ui.runUntil("the catalogue", () -> !vm.rows().isEmpty());

        vm.languageFilterProperty().set(language);
        vm.qualityFilterProperty().set(quality);

        List<String> keys = expected.isBlank() ? List.of() : List.of(expected.split(" "));
        assertThat(vm.visibleRows()).extracting(CatalogueRow::key).containsExactlyElementsOf(keys);
    }

    @Test
    void downloadInstallsTheVerifiedFilesAndReportsProgressOnTheRow() throws Exception {
        loadCatalogue();
        CatalogueRow row = vm.row(AMY.key()).orElseThrow();
        List<DownloadState> states = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        List<String> progressTexts = new ArrayList<>();
        row.stateProperty().addListener((o, old, now) -> states.add(now));
        row.progressProperty().addListener((o, old, now) -> progress.add(now.doubleValue()));
        row.progressTextProperty().addListener((o, old, now) -> progressTexts.add(now));
        int[] installedCalls = {0};
        vm.setOnInstalled(() -> installedCalls[0]++);

        vm.download(row);
        ui.runUntil("the download", () -> !row.state().busy());

        assertThat(row.state()).isEqualTo(DownloadState.INSTALLED);
        assertThat(row.error()).isNull();
        assertThat(states).containsExactly(DownloadState.QUEUED, DownloadState.DOWNLOADING, DownloadState.INSTALLED);
        assertThat(progress).isSorted().contains(1.0).anyMatch(p -> p > 0 && p < 1);
        assertThat(progressTexts).contains("0.3 / 0.3 MB (100%)").anyMatch(t -> t.matches("0\\.\\d / 0\\.3 MB \\(\\d{1,2}%\\)"));
        assertThat(installedCalls[0]).isEqualTo(1);
        assertThat(models.resolve(AMY.key() + ".onnx")).hasBinaryContent(AMY.model());
        assertThat(models.resolve(AMY.key() + ".onnx.json")).hasBinaryContent(AMY.config());
        assertThat(filesIn(models)).containsExactly(AMY.key() + ".onnx", AMY.key() + ".onnx.json");
    }

    @Test
    void aCorruptFileShowsTheVerificationErrorAndLeavesNothing() throws Exception {
        catalogue.corruptModel(AMY);
        loadCatalogue();
        CatalogueRow row = vm.row(AMY.key()).orElseThrow();

        vm.download(row);
        ui.runUntil("the download", () -> !row.state().busy());

        assertThat(row.state()).isEqualTo(DownloadState.NOT_INSTALLED);
        assertThat(row.error()).startsWith("download of en_US-amy-medium.onnx failed: md5 mismatch");
        assertThat(filesIn(models)).isEmpty();
    }

    @Test
    void aNewDownloadClearsThePreviousError() throws Exception {
        catalogue.respond(AMY.modelPath(), () -> new MockResponse.Builder().code(500).build());
        loadCatalogue();
        CatalogueRow row = vm.row(AMY.key()).orElseThrow();
        vm.download(row);
        ui.runUntil("the failure", () -> row.error() != null);
        assertThat(row.error()).contains("HTTP 500");

        catalogue.respond(AMY.modelPath(), AMY.model());
        vm.download(row);

        assertThat(row.error()).isNull();
        ui.runUntil("the download", () -> !row.state().busy());
        assertThat(row.state()).isEqualTo(DownloadState.INSTALLED);
    }

    @Test
    void cancelStopsASlowDownloadRestoresTheRowAndLeavesNothing() throws Exception {
        catalogue.slowModel(AMY);
        loadCatalogue();
        CatalogueRow row = vm.row(AMY.key()).orElseThrow();
        vm.download(row);
        ui.runUntil("progress", () -> row.progressProperty().get() > 0);

        vm.cancel(row);

        assertThat(row.state()).isEqualTo(DownloadState.CANCELLING);
        ui.runUntil("the cancellation", () -> !row.state().busy());
        assertThat(row.state()).isEqualTo(DownloadState.NOT_INSTALLED);
        assertThat(row.error()).isNull();
        assertThat(row.progressTextProperty().get()).isEmpty();
        assertThat(filesIn(models)).isEmpty();
        assertThat(catalogue.requestedPaths()).doesNotContain(AMY.configPath());
    }

    @Test
    void aQueuedDownloadCancelledBeforeItsThreadStartsSendsNoRequest() throws Exception {
        List<Runnable> held = new ArrayList<>();
        vm = new CatalogueViewModel(http, catalogue.baseUrl(), models, held::add, ui);
        vm.load();
        held.remove(0).run();
        ui.runPending();
        CatalogueRow row = vm.row(AMY.key()).orElseThrow();

        vm.download(row);
        assertThat(row.state()).isEqualTo(DownloadState.QUEUED);
        vm.cancel(row);
        assertThat(row.state()).isEqualTo(DownloadState.CANCELLING);
        held.remove(0).run();
        ui.runPending();

        assertThat(row.state()).isEqualTo(DownloadState.NOT_INSTALLED);
        assertThat(row.error()).isNull();
        assertThat(catalogue.requestedPaths()).containsExactly("voices.json");
        assertThat(filesIn(models)).isEmpty();
    }

    @Test
    void severalDownloadsRunAtOnceOnePerRow() throws Exception {
        catalogue.stallModelHalfway(AMY);
        loadCatalogue();
        CatalogueRow amy = vm.row(AMY.key()).orElseThrow();
        CatalogueRow thorsten = vm.row(THORSTEN.key()).orElseThrow();

        vm.download(amy);
        vm.download(thorsten);
        ui.runUntil("the second download", () -> thorsten.state() == DownloadState.INSTALLED);
        assertThat(amy.state()).isEqualTo(DownloadState.DOWNLOADING);

        catalogue.releaseStalled();
        ui.runUntil("the first download", () -> amy.state() == DownloadState.INSTALLED);
        assertThat(filesIn(models)).containsExactlyInAnyOrder(
                AMY.key() + ".onnx", AMY.key() + ".onnx.json", THORSTEN.key() + ".onnx", THORSTEN.key() + ".onnx.json");
    }

    @Test
    void cancelDownloadsStopsEveryDownload() throws Exception {
        catalogue.slowModel(AMY);
        catalogue.slowModel(THORSTEN);
        loadCatalogue();
        CatalogueRow amy = vm.row(AMY.key()).orElseThrow();
        CatalogueRow thorsten = vm.row(THORSTEN.key()).orElseThrow();
        vm.download(amy);
        vm.download(thorsten);
        ui.runUntil("both downloads", () -> amy.progressProperty().get() > 0 && thorsten.progressProperty().get() > 0);

        vm.cancelDownloads();
        ui.runUntil("both cancellations", () -> !amy.state().busy() && !thorsten.state().busy());

        assertThat(List.of(amy.state(), thorsten.state())).containsOnly(DownloadState.NOT_INSTALLED);
        assertThat(filesIn(models)).isEmpty();
    }

    @Test
    void rowsFollowTheInstalledVoicesAndInstalledRowsOfferNoDownload() throws Exception {
        vm.setInstalledIds(Set.of(AMY.key()));
        loadCatalogue();
        CatalogueRow amy = vm.row(AMY.key()).orElseThrow();
        CatalogueRow alan = vm.row(ALAN.key()).orElseThrow();
        assertThat(amy.state()).isEqualTo(DownloadState.INSTALLED);
        assertThat(alan.state()).isEqualTo(DownloadState.NOT_INSTALLED);

        vm.download(amy);
        assertThat(amy.state()).isEqualTo(DownloadState.INSTALLED);

        vm.setInstalledIds(Set.of(ALAN.key()));
        assertThat(amy.state()).isEqualTo(DownloadState.NOT_INSTALLED);
        assertThat(alan.state()).isEqualTo(DownloadState.INSTALLED);
        assertThat(catalogue.requestedPaths()).containsExactly("voices.json");
    }

    @Test
    void anInstalledListArrivingDuringADownloadDoesNotResetTheRow() throws Exception {
        catalogue.stallModelHalfway(AMY);
        loadCatalogue();
        CatalogueRow amy = vm.row(AMY.key()).orElseThrow();
        vm.download(amy);
        ui.runUntil("progress", () -> amy.progressProperty().get() > 0);

        vm.setInstalledIds(Set.of());

        assertThat(amy.state()).isEqualTo(DownloadState.DOWNLOADING);
        catalogue.releaseStalled();
        ui.runUntil("the download", () -> !amy.state().busy());
        assertThat(amy.state()).isEqualTo(DownloadState.INSTALLED);
    }

    private void loadCatalogue() throws InterruptedException {
        vm.load();
        ui.runUntil("the catalogue", () -> !vm.loadingProperty().get());
        assertThat(vm.rows()).isNotEmpty();
    }

    private static FakeVoice us(FakeVoice voice) {
        return voice.names("English", "English", "United States");
    }

    private static FakeVoice german(FakeVoice voice) {
        return voice.names("Deutsch", "German", "Germany");
    }
}
