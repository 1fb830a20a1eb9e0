package dev.parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.Provider;
import dev.parley.config.Setting;
import dev.parley.config.SettingsFile;
import dev.parley.config.UiPreferences;
import dev.parley.config.UserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings dialog on a real (headless) stage, with the real store, file and providers. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    private static final long WAIT_SECONDS = 10;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path folder;

    private Stage owner;
    private ModelServer models;
    private SettingsFixture fixture;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "settings-test-background");
        thread.setDaemon(true);
        return thread;
    });

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @BeforeEach
    void writeSettings() throws Exception {
        models = new ModelServer(server);
        fixture = new SettingsFixture(folder, Map.of());
        new SettingsFile(fixture.file()).write(new UserSettings(Map.of(
                Setting.LLM_PROVIDER, "openai",
                Setting.OPENAI_BASE_URL, models.openAiUrl(),
                Setting.OLLAMA_BASE_URL, models.ollamaUrl()), UiPreferences.EMPTY));
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        fixture.close();
    }

    /** Starts as the app does (a new store reads the file), then opens the dialog. */
    private Stage openDialog() throws Exception {
        SettingsViewModel viewModel = new SettingsViewModel(fixture.store(null), fixture.providers(), fixture.target(),
                background, Platform::runLater);
        Stage dialog = WaitForAsyncUtils.asyncFx(() -> SettingsDialog.show(owner, viewModel)).get();
        waitUntil(() -> !modelBox(new FxRobot()).getItems().isEmpty());
        return dialog;
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> modelBox(FxRobot robot) {
        return robot.lookup("#settings-model").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Provider> providerBox(FxRobot robot) {
        return robot.lookup("#settings-provider").queryAs(ComboBox.class);
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    @Test
    void settingsPersistAcrossARestart(FxRobot robot) throws Exception {
        Stage dialog = openDialog();
        assertThat(modelBox(robot).getItems()).containsExactly("gpt-4o-mini", "gpt-4.1");

        robot.clickOn("#settings-provider").clickOn("Ollama");
        waitUntil(() -> modelBox(robot).getItems().contains("qwen2.5:7b"));
        robot.clickOn("#settings-model .arrow-button").clickOn("qwen2.5:7b");
        replaceText(robot, "#settings-port", "9123");
        robot.clickOn("#settings-save");
        waitUntil(() -> !dialog.isShowing());

        assertThat(new SettingsFile(fixture.file()).read().settings().values())
                .containsEntry(Setting.LLM_PROVIDER, "ollama")
                .containsEntry(Setting.OLLAMA_MODEL, "qwen2.5:7b")
                .containsEntry(Setting.PARLEY_PORT, "9123");
        assertThat(fixture.applied).singleElement().satisfies(config -> {
            assertThat(config.provider()).isEqualTo(Provider.OLLAMA);
            assertThat(config.model()).isEqualTo("qwen2.5:7b");
            assertThat(config.port()).isEqualTo(9123);
        });

        openDialog();

        assertThat(providerBox(robot).getValue()).isEqualTo(Provider.OLLAMA);
        assertThat(modelBox(robot).getEditor().getText()).isEqualTo("qwen2.5:7b");
        assertThat(robot.lookup("#settings-port").queryAs(TextField.class).getText()).isEqualTo("9123");
        assertThat(modelBox(robot).getItems()).containsExactly("llama3.2:latest", "qwen2.5:7b");
    }

    @Test
    void cancelSavesNothing(FxRobot robot) throws Exception {
        String before = Files.readString(fixture.file());
        Stage dialog = openDialog();

        replaceText(robot, "#settings-port", "9999");
        robot.clickOn("#settings-cancel");
        waitUntil(() -> !dialog.isShowing());

        assertThat(Files.readString(fixture.file())).isEqualTo(before);
        assertThat(fixture.applied).isEmpty();
    }

    @Test
    void invalidPortShowsTheErrorAndSavesNothing(FxRobot robot) throws Exception {
        String before = Files.readString(fixture.file());
        Stage dialog = openDialog();

        replaceText(robot, "#settings-port", "70000");
        robot.clickOn("#settings-save");
        Label error = robot.lookup("#settings-error").queryAs(Label.class);
        waitUntil(() -> !error.getText().isEmpty());

        assertThat(error.getText()).isEqualTo("PARLEY_PORT must be a port number from 0 to 65535, not '70000'");
        assertThat(error.isVisible()).isTrue();
        assertThat(dialog.isShowing()).isTrue();
        assertThat(Files.readString(fixture.file())).isEqualTo(before);
        assertThat(fixture.applied).isEmpty();
    }

    @Test
    void apiKeyIsMaskedUntilShownAndTypedModelNamesAreKept(FxRobot robot) throws Exception {
        Stage dialog = openDialog();

        robot.clickOn("#settings-api-key").write("sk-typed");
        PasswordField masked = robot.lookup("#settings-api-key").queryAs(PasswordField.class);
        TextField plain = robot.lookup("#settings-api-key-visible").queryAs(TextField.class);
        assertThat(masked.isVisible()).isTrue();
        assertThat(plain.isVisible()).isFalse();
        robot.clickOn("#settings-api-key-show");
        assertThat(plain.isVisible()).isTrue();
        assertThat(plain.getText()).isEqualTo("sk-typed");

        replaceText(robot, "#settings-model .text-field", "my-finetune");
        robot.clickOn("#settings-save");
        waitUntil(() -> !dialog.isShowing());

        assertThat(new SettingsFile(fixture.file()).read().settings().values())
                .containsEntry(Setting.OPENAI_API_KEY, "sk-typed")
                .containsEntry(Setting.OPENAI_MODEL, "my-finetune");
    }
}
