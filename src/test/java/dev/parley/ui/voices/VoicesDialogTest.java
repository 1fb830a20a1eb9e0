package dev.parley.ui.voices;

import static dev.parley.testing.CatalogueServer.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Pcm;
import dev.parley.testing.CatalogueServer;
import dev.parley.testing.FakeVoice;
import dev.parley.tts.Voice;
import dev.parley.tts.VoiceLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class VoicesDialogTest {

    private static final FakeVoice AMY = FakeVoice.of("en_US", "amy", "medium", 200_000)
            .names("English", "English", "United States");
    private static final FakeVoice ALAN = FakeVoice.of("en_GB", "alan", "low", 2_000)
            .names("English", "English", "Great Britain");
    private static final FakeVoice THORSTEN = FakeVoice.of("de_DE", "thorsten", "medium", 200_000)
            .names("Deutsch", "German", "Germany");
    private static final FakeVoice EVA = FakeVoice.of("de_DE", "eva", "x_low", 2_000)
            .names("Deutsch", "German", "Germany");

    @TempDir
    private Path tmp;

    private final MockWebServer server = new MockWebServer();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final List<Voice> sampled = new CopyOnWriteArrayList<>();
    private Stage owner;
    private CatalogueServer catalogue;
    private Path models;
    private VoicesViewModel vm;
    private VoicesDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
        owner = stage;
    }

    @BeforeEach
    void openDialog(FxRobot robot) throws Exception {
        server.start();
        catalogue = new CatalogueServer(server);
        catalogue.publish(AMY, ALAN, THORSTEN, EVA);
        models = tmp.resolve("models");
        VoiceLibrary library = new VoiceLibrary(List.of(models));
        InstalledVoicesViewModel installed = new InstalledVoicesViewModel(library::voices, (voice, text) -> {
            sampled.add(voice);
            return new Pcm(new short[1], 22050);
        }, pcm -> {}, background, Platform::runLater);
        CatalogueViewModel catalogueVm = new CatalogueViewModel(new OkHttpClient(), catalogue.baseUrl(), models,
                background, Platform::runLater);
        vm = new VoicesViewModel(installed, catalogueVm);
        robot.interact(() -> {
            dialog = new VoicesDialog(owner, vm);
            dialog.showCatalogue();
        });
        waitFor(() -> catalogueTable(robot).getItems().size() == 4);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.cancelDownloads();
            dialog.hide();
        });
        catalogue.releaseStalled();
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void theCatalogueTableListsTheVoicesWithLanguageAndSize(FxRobot robot) {
        TableView<CatalogueRow> table = catalogueTable(robot);

        assertThat(table.getItems()).extracting(CatalogueRow::key).containsExactly(
                "de_DE-eva-x_low", "de_DE-thorsten-medium", "en_GB-alan-low", "en_US-amy-medium");
        assertThat(robot.lookup(".table-cell").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .contains("de_DE · Deutsch / German (Germany)", "0.2 MB", "x_low");
        assertThat(downloadButton(robot, AMY.key()).isVisible()).isTrue();
    }

    @Test
    void typingALanguageNarrowsTheRowsAndTheQualityFilterNarrowsFurther(FxRobot robot) {
        robot.clickOn("#voices-language-filter").write("de");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(catalogueTable(robot).getItems()).extracting(CatalogueRow::key)
                .containsExactly("de_DE-eva-x_low", "de_DE-thorsten-medium");

        robot.interact(() -> robot.lookup("#voices-quality-filter")
                .<ComboBox<String>>query().setValue("medium"));
        assertThat(catalogueTable(robot).getItems()).extracting(CatalogueRow::key)
                .containsExactly("de_DE-thorsten-medium");

        robot.interact(() -> robot.lookup("#voices-language-filter")
                .<ComboBox<String>>query().setValue("en-US"));
        assertThat(catalogueTable(robot).getItems()).extracting(CatalogueRow::key)
                .containsExactly("en_US-amy-medium");
    }

    @Test
    void downloadShowsProgressThenInstalledAndTheFilesAreInPlace(FxRobot robot) throws Exception {
        catalogue.stallModelHalfway(THORSTEN);

        robot.clickOn(downloadButton(robot, THORSTEN.key()));
        waitFor(() -> progressBar(robot, THORSTEN.key()) != null
                && progressBar(robot, THORSTEN.key()).getProgress() > 0);

        ProgressBar bar = progressBar(robot, THORSTEN.key());
        assertThat(bar.getProgress()).isLessThan(1);
        assertThat(robot.lookup(".voices-progress-text").queryAllAs(Label.class))
                .extracting(Label::getText).anyMatch(text -> text.matches("0\\.\\d / 0\\.2 MB \\(\\d+%\\)"));
        assertThat(cancelButton(robot, THORSTEN.key()).isDisabled()).isFalse();

        catalogue.releaseStalled();
        waitFor(() -> row(THORSTEN.key()).state() == DownloadState.INSTALLED);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".voices-installed-label").queryAllAs(Label.class))
                .filteredOn(Node::isVisible).hasSize(1);
        assertThat(models.resolve(THORSTEN.key() + ".onnx")).hasBinaryContent(THORSTEN.model());
        assertThat(models.resolve(THORSTEN.key() + ".onnx.json")).hasBinaryContent(THORSTEN.config());
        waitFor(() -> installedTable(robot).getItems().stream().anyMatch(v -> v.id().equals(THORSTEN.key())));
    }

    @Test
    void cancelOnASlowDownloadRestoresTheRowAndLeavesTheFolderClean(FxRobot robot) throws Exception {
        catalogue.slowModel(AMY);

        robot.clickOn(downloadButton(robot, AMY.key()));
        waitFor(() -> row(AMY.key()).progressProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.exists(models.resolve("." + AMY.key() + ".onnx.part"))).isTrue();

        robot.clickOn(cancelButton(robot, AMY.key()));
        waitFor(() -> row(AMY.key()).state() == DownloadState.NOT_INSTALLED);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(downloadButton(robot, AMY.key()).isVisible()).isTrue();
        assertThat(progressBar(robot, AMY.key())).isNull();
        assertThat(filesIn(models)).isEmpty();
    }

    @Test
    void aFailedDownloadShowsTheMessageOnTheRow(FxRobot robot) throws Exception {
        catalogue.corruptModel(EVA);

        robot.clickOn(downloadButton(robot, EVA.key()));
        waitFor(() -> row(EVA.key()).error() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".voices-row-error").queryAllAs(Text.class))
                .filteredOn(Node::isVisible).extracting(Text::getText)
                .singleElement().asString().contains("md5 mismatch");
        assertThat(downloadButton(robot, EVA.key()).isVisible()).isTrue();
        assertThat(filesIn(models)).isEmpty();
    }

    @Test
    void aCatalogueThatCannotBeLoadedShowsTheErrorAndRetryLoadsIt(FxRobot robot) throws Exception {
        catalogue.respond("voices.json", () -> new MockResponse.Builder().code(502).build());
        InstalledVoicesViewModel installed = new InstalledVoicesViewModel(List::of, (voice, text) -> null, pcm -> {},
                background, Platform::runLater);
        CatalogueViewModel failing = new CatalogueViewModel(new OkHttpClient(), catalogue.baseUrl(), models,
                background, Platform::runLater);
        robot.interact(() -> {
            dialog.hide();
            dialog = new VoicesDialog(owner, new VoicesViewModel(installed, failing));
            dialog.showCatalogue();
        });
        waitFor(() -> failing.errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        Label error = robot.lookup("#voices-catalogue-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("HTTP 502 at " + catalogue.catalogueUrl());

        catalogue.publish(ALAN);
        robot.clickOn("#voices-catalogue-retry");
        waitFor(() -> catalogueTable(robot).getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#voices-catalogue-error").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void theInstalledTabGreysBrokenVoicesAndPlaysASampleOfTheSelectedOne(FxRobot robot) throws Exception {
        Voice good = new Voice("en_US-good-medium", "en_US", "piper", "medium", 22050, List.of(), true, null);
        Voice broken = new Voice("en_US-broken-low", "en_US", "piper", "low", 0, List.of(), false,
                "model file en_US-broken-low.onnx is missing");
        InstalledVoicesViewModel installed = new InstalledVoicesViewModel(() -> List.of(good, broken),
                (voice, text) -> {
                    sampled.add(voice);
                    return new Pcm(new short[1], 22050);
                }, pcm -> {}, background, Platform::runLater);
        robot.interact(() -> {
            dialog.hide();
            dialog = new VoicesDialog(owner, new VoicesViewModel(installed, vm.catalogue()));
            dialog.showInstalled();
        });
        waitFor(() -> installedTable(robot).getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".table-row-cell").<Node>queryAll())
                .filteredOn(row -> row.getPseudoClassStates().contains(PseudoClass.getPseudoClass("unavailable")))
                .hasSize(1);
        Button play = robot.lookup("#voices-play-sample").queryButton();
        assertThat(play.isDisabled()).isTrue();

        robot.interact(() -> installedTable(robot).getSelectionModel().select(broken));
        assertThat(play.isDisabled()).isTrue();
        robot.interact(() -> installedTable(robot).getSelectionModel().select(good));
        robot.clickOn(play);
        waitFor(() -> !sampled.isEmpty());

        assertThat(sampled).containsExactly(good);
    }

    private CatalogueRow row(String key) {
        return vm.catalogue().row(key).orElseThrow();
    }

    private static TableView<CatalogueRow> catalogueTable(FxRobot robot) {
        return robot.lookup("#voices-catalogue-table").queryTableView();
    }

    private static TableView<Voice> installedTable(FxRobot robot) {
        return robot.lookup("#voices-installed-table").queryTableView();
    }

    private static Button downloadButton(FxRobot robot, String key) {
        return robot.lookup(".voices-download-button").match(node -> key.equals(node.getUserData()))
                .queryButton();
    }

    private static Button cancelButton(FxRobot robot, String key) {
        return robot.lookup(".voices-cancel-button").match(node -> key.equals(node.getUserData())).queryButton();
    }

    private static ProgressBar progressBar(FxRobot robot, String key) {
        return robot.lookup(".voices-progress").match(node -> key.equals(node.getUserData()))
                .tryQueryAs(ProgressBar.class).orElse(null);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
