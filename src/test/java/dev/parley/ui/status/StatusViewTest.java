package dev.parley.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.server.ParleyServer;
import dev.parley.testing.TestConfig;
import dev.parley.ui.chat.ErrorBanner;
import dev.parley.ui.chat.TurnFigures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar of a real app whose server listens beyond loopback without a configured token:
 * the generated token, otherwise only printed to standard output, can be copied from the window.
 */
@ExtendWith(ApplicationExtension.class)
class StatusViewTest {

    @TempDir
    static Path dir;

    private Parley exposed;
    private Parley local;
    private StatusViewModel model;
    private StatusViewModel localModel;

    @Start
    void start(Stage stage) throws Exception {
        exposed = Parley.create(TestConfig.openAi(dir.resolve("exposed"), "http://127.0.0.1:9/v1",
                Map.of("PARLEY_HOST", "0.0.0.0")));
        local = Parley.create(TestConfig.openAi(dir.resolve("local"), "http://127.0.0.1:9/v1", Map.of()));
        model = new StatusViewModel(exposed::provider, new SimpleObjectProperty<>(TurnFigures.NONE),
                new SimpleObjectProperty<ErrorBanner>(), Runnable::run, Platform::runLater);
        localModel = new StatusViewModel(local::provider, new SimpleObjectProperty<>(TurnFigures.NONE),
                new SimpleObjectProperty<ErrorBanner>(), Runnable::run, Platform::runLater);
        model.serverStarted(exposed.startServer());
        localModel.serverStarted(local.startServer());
        VBox bars = new VBox(
                withId(new StatusView(model, new SimpleStringProperty(), () -> { }), "exposed-bar"),
                withId(new StatusView(localModel, new SimpleStringProperty(), () -> { }), "local-bar"));
        stage.setScene(new Scene(bars, 1000, 80));
        stage.show();
    }

    private static StatusView withId(StatusView view, String id) {
        view.setId(id);
        return view;
    }

    @AfterEach
    void stop() {
        exposed.close();
        local.close();
    }

    @Test
    void anExposedServerSaysItNeedsATokenAndCopiesIt(FxRobot robot) throws Exception {
        String bar = robot.lookup("#exposed-bar #status-server").queryLabeled().getText();
        assertThat(bar).contains("token required");
        robot.clickOn("#exposed-bar #status-copy-token");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);

        assertThat(copied).isNotBlank();
        assertThat(bar).doesNotContain(copied);
        ParleyServer server = exposed.server();
        assertThat(health(server.port(), null)).isEqualTo(401);
        assertThat(health(server.port(), copied)).isEqualTo(200);
    }

    @Test
    void aLoopbackServerWithoutATokenOffersNone(FxRobot robot) {
        assertThat(robot.lookup("#local-bar #status-server").queryLabeled().getText())
                .doesNotContain("token");
        assertThat(robot.lookup("#local-bar #status-copy-token").queryAs(Node.class).isVisible())
                .isFalse();
        assertThat(localModel.accessToken()).isNull();
    }

    private static int health(int port, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
