package dev.parley.ui.voices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Pcm;
import dev.parley.testing.CatalogueServer;
import dev.parley.testing.FakeVoice;
import dev.parley.tts.Voice;
import dev.parley.tts.VoiceLibrary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoicesViewModelTest {

    private static final FakeVoice AMY = FakeVoice.of("en_US", "amy", "medium", 50_000);
    private static final FakeVoice LESSAC = FakeVoice.of("en_US", "lessac", "high", 2_000);
    private static final FakeVoice ALAN = FakeVoice.of("en_GB", "alan", "low", 2_000);
    private static final FakeVoice THORSTEN = FakeVoice.of("de_DE", "thorsten", "medium", 2_000);
    private static final Voice ESPEAK = new Voice("espeak-ng:en-us", "en_US", "espeak-ng", null, 22050, List.of(),
            true, null);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    private Path tmp;

    private final UiQueue ui = new UiQueue();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private CatalogueServer catalogue;
    private Path models;

    @BeforeEach
    void setUp() {
        catalogue = new CatalogueServer(server);
        catalogue.publish(AMY, LESSAC, ALAN, THORSTEN);
        models = tmp.resolve("models");
    }

    @AfterEach
    void tearDown() {
        background.shutdownNow();
    }

    @Test
    void aFinishedDownloadShowsInTheInstalledListAndTheRowStaysInstalled() throws Exception {
        VoiceLibrary library = new VoiceLibrary(List.of(models));
        VoicesViewModel vm = viewModel(library::voices);
        vm.open();
        ui.runUntil("the catalogue", () -> !vm.catalogue().rows().isEmpty());
        CatalogueRow row = vm.catalogue().row(THORSTEN.key()).orElseThrow();

        vm.catalogue().download(row);
        ui.runUntil("the installed list", () -> ids(vm).contains(THORSTEN.key()));

        assertThat(row.state()).isEqualTo(DownloadState.INSTALLED);
        CompletableFuture<List<Voice>> again = vm.installed().refresh().toCompletableFuture();
        ui.runUntil("another refresh", again::isDone);
        assertThat(row.state()).isEqualTo(DownloadState.INSTALLED);
        assertThat(vm.catalogue().row(AMY.key()).orElseThrow().state()).isEqualTo(DownloadState.NOT_INSTALLED);
    }

    @Test
    void installedPiperVoicesMarkTheirCatalogueRowsInstalled() throws Exception {
        Voice amy = new Voice(AMY.key(), "en_US", "piper", "medium", 22050, List.of(), true, null);
        VoicesViewModel vm = viewModel(() -> List.of(amy, ESPEAK));

        vm.open();
        ui.runUntil("both lists", () -> !vm.catalogue().rows().isEmpty() && !vm.installed().voices().isEmpty());

        assertThat(vm.catalogue().rows()).filteredOn(r -> r.state() == DownloadState.INSTALLED)
                .extracting(CatalogueRow::key).containsExactly(AMY.key());
    }

    @Test
    void firstStartOffersTheSystemLanguagesVoiceWithoutDownloadingIt() throws Exception {
        VoicesViewModel vm = viewModel(() -> List.of(ESPEAK));

        Optional<CatalogueRow> offer = await(vm.firstStartSuggestion(Locale.US).toCompletableFuture());

        assertThat(offer).map(CatalogueRow::key).contains(AMY.key());
        assertThat(offer.get().state()).isEqualTo(DownloadState.NOT_INSTALLED);
        assertThat(catalogue.requestedPaths()).containsExactly("voices.json");
        assertThat(CatalogueServer.filesIn(models)).isEmpty();
    }

    @Test
    void firstStartOffersNothingWhenAPiperVoiceIsInstalledAndDoesNotFetchTheCatalogue() throws Exception {
        Voice broken = new Voice("xx-custom", null, "piper", null, 0, List.of(), false, "model file is missing");
        VoicesViewModel vm = viewModel(() -> List.of(broken, ESPEAK));

        assertThat(await(vm.firstStartSuggestion(Locale.US).toCompletableFuture())).isEmpty();
        assertThat(catalogue.requestedPaths()).isEmpty();
    }

    @Test
    void firstStartOffersNothingForALanguageWithoutVoices() throws Exception {
        VoicesViewModel vm = viewModel(() -> List.of(ESPEAK));

        assertThat(await(vm.firstStartSuggestion(Locale.JAPAN).toCompletableFuture())).isEmpty();
    }

    @Test
    void firstStartOffersNothingOfflineAndTheCatalogueTabSaysWhy() throws Exception {
        VoicesViewModel vm = viewModel(() -> List.of(ESPEAK));
        server.close();

        assertThat(await(vm.firstStartSuggestion(Locale.US).toCompletableFuture())).isEmpty();
        assertThat(vm.catalogue().errorProperty().get()).startsWith("could not fetch the voice catalogue from ");
    }

    private VoicesViewModel viewModel(Supplier<List<Voice>> voices) {
        OkHttpClient http = new OkHttpClient();
        InstalledVoicesViewModel installed = new InstalledVoicesViewModel(voices,
                (voice, text) -> new Pcm(new short[1], 22050), pcm -> {}, background, ui);
        CatalogueViewModel catalogueVm = new CatalogueViewModel(http, catalogue.baseUrl(), models, background, ui);
        return new VoicesViewModel(installed, catalogueVm);
    }

    private <T> T await(CompletableFuture<T> future) throws Exception {
        ui.runUntil("the result", future::isDone);
        return future.get();
    }

    private static List<String> ids(VoicesViewModel vm) {
        return vm.installed().voices().stream().map(Voice::id).toList();
    }
}
