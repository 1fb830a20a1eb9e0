package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    private static final Map<String, String> LINUX = Map.of("user.home", "/home/ada", "os.name", "Linux");

    @TempDir
    Path dir;

    private SettingsStore start(Map<String, String> env, String portFlag) throws ConfigException {
        Map<String, String> withFolder = new HashMap<>(env);
        withFolder.put("PARLEY_CONFIG_DIR", dir.toString());
        return new SettingsStore(ConfigLoader.withSettingsFile(withFolder, LINUX), null, portFlag);
    }

    private Path file() {
        return dir.resolve("settings.json");
    }

    @Test
    void savedSettingsApplyAtOnceAndAfterARestart() throws Exception {
        SettingsStore store = start(Map.of(), null);
        assertThat(store.config().provider()).isEqualTo(Provider.OLLAMA);

        Config saved = store.save(Map.of(Setting.LLM_PROVIDER, "openai", Setting.OPENAI_MODEL, "gpt-4.1",
                Setting.OPENAI_API_KEY, "sk-typed", Setting.PARLEY_PORT, "9100"));

        assertThat(saved.provider()).isEqualTo(Provider.OPENAI);
        assertThat(saved.model()).isEqualTo("gpt-4.1");
        assertThat(saved.apiKey()).isEqualTo("sk-typed");
        assertThat(saved.port()).isEqualTo(9100);
        assertThat(store.config()).isEqualTo(saved);
        assertThat(store.source(Setting.OPENAI_MODEL)).isEqualTo(SettingSource.FILE);

        Config restarted = start(Map.of(), null).config();
        assertThat(restarted).isEqualTo(saved);
    }

    @Test
    void aSavedChangeBeatsTheEnvironmentUntilTheNextStart() throws Exception {
        Map<String, String> env = Map.of("OLLAMA_MODEL", "env-model", "OPENAI_API_KEY", "sk-env",
                "LLM_PROVIDER", "ollama");
        SettingsStore store = start(env, "9001");
        assertThat(store.source(Setting.OLLAMA_MODEL)).isEqualTo(SettingSource.ENVIRONMENT);
        assertThat(store.source(Setting.PARLEY_PORT)).isEqualTo(SettingSource.FLAG);

        Config now = store.save(Map.of(Setting.OLLAMA_MODEL, "chosen", Setting.PARLEY_PORT, "9100"));

        assertThat(now.ollamaModel()).isEqualTo("chosen");
        assertThat(now.port()).isEqualTo(9100);
        assertThat(now.openAiApiKey()).isEqualTo("sk-env");
        assertThat(store.source(Setting.OLLAMA_MODEL)).isEqualTo(SettingSource.FILE);
        assertThat(store.sourceAtNextStart(Setting.OLLAMA_MODEL)).isEqualTo(SettingSource.ENVIRONMENT);
        assertThat(store.sourceAtNextStart(Setting.PARLEY_PORT)).isEqualTo(SettingSource.FLAG);

        Config restarted = start(env, "9001").config();
        assertThat(restarted.ollamaModel()).isEqualTo("env-model");
        assertThat(restarted.port()).isEqualTo(9001);
    }

    @Test
    void invalidChangeWritesNothingAndKeepsTheConfig() throws Exception {
        SettingsStore store = start(Map.of(), null);
        Config before = store.config();

        assertThatThrownBy(() -> store.save(Map.of(Setting.OLLAMA_MODEL, "m", Setting.PARLEY_PORT, "70000")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("PARLEY_PORT must be a port number from 0 to 65535, not '70000'");

        assertThat(file()).doesNotExist();
        assertThat(store.config()).isEqualTo(before);
        assertThat(store.saved()).isEqualTo(UserSettings.EMPTY);
    }

    @Test
    void checkValidatesWithoutWriting() throws Exception {
        SettingsStore store = start(Map.of(), null);

        Config checked = store.check(Map.of(Setting.LLM_PROVIDER, "openai", Setting.OPENAI_BASE_URL, "http://h:1/v1"));

        assertThat(checked.baseUrl()).isEqualTo("http://h:1/v1");
        assertThat(file()).doesNotExist();
        assertThat(store.config().provider()).isEqualTo(Provider.OLLAMA);
        assertThatThrownBy(() -> store.check(Map.of(Setting.OPENAI_BASE_URL, "localhost:1234")))
                .hasMessage("OPENAI_BASE_URL must be an http:// or https:// URL, not 'localhost:1234'");
    }

    @Test
    void blankValueRemovesTheSettingSoTheEnvironmentAppliesAgain() throws Exception {
        SettingsStore store = start(Map.of("OPENAI_API_KEY", "sk-env"), null);
        assertThat(store.save(Map.of(Setting.OPENAI_API_KEY, "sk-typed")).openAiApiKey()).isEqualTo("sk-typed");

        Config cleared = store.save(Map.of(Setting.OPENAI_API_KEY, ""));

        assertThat(cleared.openAiApiKey()).isEqualTo("sk-env");
        assertThat(store.source(Setting.OPENAI_API_KEY)).isEqualTo(SettingSource.ENVIRONMENT);
        assertThat(Files.readString(file())).doesNotContain("OPENAI_API_KEY");
    }

    @Test
    void uiPreferencesAndSettingsKeepEachOther() throws Exception {
        SettingsStore store = start(Map.of(), null);
        store.save(Map.of(Setting.OLLAMA_MODEL, "qwen2.5"));
        store.saveUi(store.ui().with("volume", 0.5));
        store.save(Map.of(Setting.PARLEY_PORT, "9100"));

        SettingsStore restarted = start(Map.of(), null);
        assertThat(restarted.ui().number("volume", 1.0)).isEqualTo(0.5);
        assertThat(restarted.saved().values())
                .isEqualTo(Map.of(Setting.OLLAMA_MODEL, "qwen2.5", Setting.PARLEY_PORT, "9100"));
    }

    @Test
    void failedWriteChangesNothing() throws Exception {
        SettingsStore store = start(Map.of(), null);
        Files.createDirectories(file().resolve("in-the-way"));

        assertThatThrownBy(() -> store.save(Map.of(Setting.OLLAMA_MODEL, "m"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store.saveUi(UiPreferences.EMPTY.with("mute", true))).isInstanceOf(IOException.class);

        assertThat(store.config().ollamaModel()).isEqualTo("llama3.2");
        assertThat(store.saved()).isEqualTo(UserSettings.EMPTY);
    }

    @Test
    void invalidValueInTheFileStopsTheStartNamingTheFile() throws Exception {
        Files.writeString(file(), "{\"PARLEY_PORT\": \"eighty\"}");
        assertThatThrownBy(() -> start(Map.of(), null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("PARLEY_PORT in " + file() + " must be a port number from 0 to 65535, not 'eighty'");
    }

    @Test
    void loaderWithoutSettingsFileIsRefused() {
        assertThatThrownBy(() -> new SettingsStore(new ConfigLoader(Map.of(), LINUX), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
