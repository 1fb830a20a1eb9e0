package dev.parley.ui.voices;

import static dev.parley.testing.CatalogueServer.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Pcm;
import dev.parley.testing.CatalogueServer;
import dev.parley.testing.FakeVoice;
import dev.parley.tts.VoiceLibrary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
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
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FirstStartOfferTest {

    private static final FakeVoice AMY = FakeVoice.of("en_US", "amy", "medium", 20_000)
            .names("English", "English", "United States");
    private static final FakeVoice LESSAC = FakeVoice.of("en_US", "lessac", "high", 2_000)
            .names("English", "English", "United States");
    private static final FakeVoice THORSTEN = FakeVoice.of("de_DE", "thorsten", "medium", 2_000)
            .names("Deutsch", "German", "Germany");

    @TempDir
    private Path tmp;

    private final MockWebServer server = new MockWebServer();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final AtomicInteger dontAskAgain = new AtomicInteger();
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
    void setUp(FxRobot robot) throws Exception {
        server.start();
        catalogue = new CatalogueServer(server);
        catalogue.publish(AMY, LESSAC, THORSTEN);
        models = tmp.resolve("models");
        VoiceLibrary library = new VoiceLibrary(List.of(models));
        InstalledVoicesViewModel installed = new InstalledVoicesViewModel(library::voices,
                (voice, text) -> new Pcm(new short[1], 22050), pcm -> {}, background, Platform::runLater);
        CatalogueViewModel catalogueVm = new CatalogueViewModel(new OkHttpClient(), catalogue.baseUrl(), models,
                background, Platform::runLater);
        vm = new VoicesViewModel(installed, catalogueVm);
        robot.interact(() -> dialog = new VoicesDialog(owner, vm));
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.cancelDownloads();
            dialog.hide();
        });
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void downloadStartsOnlyOnYesAndShowsInTheCatalogue(FxRobot robot) throws Exception {
        DialogPane offer = offer(robot);

        assertThat(offer.getHeaderText()).isEqualTo("No natural voice is installed.");
        assertThat(offer.getContentText()).isEqualTo("Download en_US-amy-medium (English, United States, 0.0 MB)?");
        assertThat(catalogue.requestedPaths()).containsExactly("voices.json");

        robot.clickOn("#voices-offer-download");
        waitFor(() -> vm.catalogue().row(AMY.key()).orElseThrow().state() == DownloadState.INSTALLED);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(filesIn(models)).containsExactly(AMY.key() + ".onnx", AMY.key() + ".onnx.json");
        assertThat(robot.lookup("#voices-language-filter").<ComboBox<String>>query().getEditor().getText())
                .isEqualTo("en_US");
        TableView<CatalogueRow> table = robot.lookup("#voices-catalogue-table").queryTableView();
        assertThat(table.getItems()).extracting(CatalogueRow::key).containsExactly(AMY.key(), LESSAC.key());
        assertThat(dontAskAgain).hasValue(0);
    }

    @Test
    void dontAskAgainIsReportedAndNothingIsDownloaded(FxRobot robot) throws Exception {
        offer(robot);

        robot.clickOn("#voices-offer-never");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dontAskAgain).hasValue(1);
        assertThat(robot.lookup("#voices-offer").tryQuery()).isEmpty();
        assertThat(catalogue.requestedPaths()).containsExactly("voices.json");
        assertThat(filesIn(models)).isEmpty();
    }

    @Test
    void notNowDoesNothing(FxRobot robot) throws Exception {
        offer(robot);

        robot.interact(() -> robot.lookup("#voices-offer-not-now").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dontAskAgain).hasValue(0);
        assertThat(robot.lookup("#voices-offer").tryQuery()).isEmpty();
        assertThat(catalogue.requestedPaths()).containsExactly("voices.json");
        assertThat(filesIn(models)).isEmpty();
    }

    private DialogPane offer(FxRobot robot) throws Exception {
        robot.interact(() -> FirstStartOffer.maybeOffer(dialog, Locale.US, dontAskAgain::incrementAndGet));
        waitFor(() -> robot.lookup("#voices-offer-never").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#voices-offer").queryAs(DialogPane.class);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
