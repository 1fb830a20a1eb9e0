package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigLoader;
import dev.parley.config.SettingsStore;
import dev.parley.testing.TestConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The application as {@code java -jar parley.jar} starts it: settings from the environment and the
 * settings file, the server, the dialogs, and what it remembers when it closes.
 */
class DesktopAppTest {

    @TempDir
    Path dir;

    @Test
    void startsWithTheServerOpensItsDialogsAndRemembersThePreferences() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, String> env = Map.of(
                "OPENAI_API_KEY", TestConfig.KEY,
                "OPENAI_BASE_URL", "http://127.0.0.1:" + closed + "/v1",
                "PARLEY_DATA_DIR", dir.resolve("data").toString(),
                "PARLEY_MODELS_DIR", dir.resolve("models").toString(),
                "PARLEY_CONFIG_DIR", dir.resolve("config").toString(),
                "PARLEY_VOICES_URL", "http://127.0.0.1:" + closed + "/voices/",
                "PARLEY_PORT", "0");
        ConfigLoader loader = ConfigLoader.withSettingsFile(env, Map.of("user.home", dir.toString(), "os.name", "Linux"));
        DesktopApp.configure(new SettingsStore(loader, null, null));
        Stage stage = FxToolkit.registerPrimaryStage();
        // The toolkit's stage is shared with earlier tests, which may have left it small.
        FxToolkit.setupStage(shared -> {
            shared.setWidth(1200);
            shared.setHeight(800);
        });
        Application app = FxToolkit.setupApplication(DesktopApp::new);
        FxRobot robot = new FxRobot();
        try {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(stage.getTitle()).startsWith("Parley");
            assertThat(robot.lookup("#chat-input").queryAs(TextArea.class).isFocused()).isTrue();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#status-server").queryLabeled()
                    .getText().startsWith("server ws://127.0.0.1:"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#status-connection").queryLabeled()
                    .getText().startsWith("cannot reach"));

            robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-provider").tryQuery()
                    .isPresent());
            robot.clickOn("#settings-cancel");

            robot.clickOn("#toolbar-voices");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#voices-installed-table").tryQuery()
                    .isPresent());
            Window voices = robot.lookup("#voices-installed-table").query().getScene().getWindow();
            robot.interact(voices::hide);

            robot.interact(() -> robot.lookup("#speech-speak").queryAs(javafx.scene.control.ToggleButton.class)
                    .setSelected(false));
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        String saved = Files.readString(dir.resolve("config/settings.json"));
        assertThat(saved).contains("\"speakReplies\"").contains("false");
        assertThat(saved).doesNotContain(TestConfig.KEY);
    }
}
