package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private static final Map<String, String> LINUX = Map.of("user.home", "/home/ada", "os.name", "Linux");

    private static final Path SETTINGS = Path.of("/home/ada/.config/parley/settings.json");

    private static Config load(Map<String, String> env) throws ConfigException {
        return new ConfigLoader(env, LINUX).load(null, null);
    }

    private static ConfigLoader withFile(Map<String, String> env, Map<Setting, String> file) {
        return new ConfigLoader(env, LINUX).withFile(new SettingsFile(SETTINGS),
                new SettingsFile.Contents(new UserSettings(file, UiPreferences.EMPTY), List.of()));
    }

    @Test
    void forgettingSettingsLeavesAChildOnlyWhatItIsGiven() {
        Map<String, String> environment = new HashMap<>(Map.of("PATH", "/usr/bin", "HOME", "/home/ada",
                "PARLEY_TOKEN", "secret", "PARLEY_HOST", "0.0.0.0", "OPENAI_API_KEY", "sk-live",
                "SYSTEM_PROMPT", "Be terse.", "LOG_LEVEL", "debug", "XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "/cfg"));

        ConfigLoader.forgetSettings(environment);

        assertThat(environment).containsOnlyKeys("PATH", "HOME");
    }

    @Test
    void defaultsWithoutKeyUseOllama() throws Exception {
        Config config = load(Map.of());
        assertThat(config.provider()).isEqualTo(Provider.OLLAMA);
        assertThat(config.ollamaBaseUrl()).isEqualTo("http://localhost:11434");
        assertThat(config.model()).isEqualTo("llama3.2");
        assertThat(config.openAiModel()).isEqualTo("gpt-4o-mini");
        assertThat(config.openAiBaseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8085);
        assertThat(config.dataDir()).isEqualTo(Path.of("/home/ada/.local/share/parley"));
        assertThat(config.modelsDir()).isEqualTo(Path.of("models"));
        assertThat(config.logLevel()).isEqualTo("info");
        assertThat(config.systemPrompt()).isEqualTo(ConfigLoader.DEFAULT_SYSTEM_PROMPT);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.firstTokenTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.tokenTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.turnTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.llmRetries()).isEqualTo(2);
        assertThat(config.rate()).isEqualTo(1.0);
        assertThat(config.language()).isEqualTo("en_US");
        assertThat(config.voicesUrl()).isEqualTo("https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/");
    }

    @Test
    void serverLimitsHaveSafeDefaultsAndCanBeRaised() throws Exception {
        assertThat(load(Map.of()).server()).isEqualTo(ServerSettings.DEFAULTS);
        assertThat(ServerSettings.DEFAULTS).isEqualTo(new ServerSettings(null, 16, 256, Duration.ofSeconds(5),
                4 * 1024 * 1024, 16 * 1024, 8_000, 64 * 1024));
        ServerSettings raised = load(Map.of("PARLEY_TOKEN", "a-token-of-sixteen", "PARLEY_MAX_REPLIES", "200",
                "PARLEY_MAX_CONNECTIONS", "1000", "PARLEY_HANDSHAKE_TIMEOUT", "2", "PARLEY_SEND_QUEUE_KB", "256",
                "PARLEY_MAX_URL_KB", "128", "PARLEY_MAX_MESSAGE_CHARS", "20000", "PARLEY_MAX_FRAME_KB", "8")).server();
        assertThat(raised).isEqualTo(new ServerSettings("a-token-of-sixteen", 200, 1000, Duration.ofSeconds(2),
                256 * 1024, 128 * 1024, 20_000, 8 * 1024));
        assertThat(raised.toString()).doesNotContain("a-token-of-sixteen").contains("token=set");
    }

    @ParameterizedTest
    @CsvSource({"PARLEY_TOKEN, short, at least 16", "PARLEY_MAX_REPLIES, 0, from 1 to",
        "PARLEY_MAX_CONNECTIONS, lots, whole number", "PARLEY_SEND_QUEUE_KB, 1, from 64 to",
        "PARLEY_MAX_MESSAGE_CHARS, 0, from 1 to", "PARLEY_MAX_FRAME_KB, 0, from 1 to"})
    void badServerSettingsStopTheStart(String name, String value, String message) {
        assertThatThrownBy(() -> load(Map.of(name, value))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(name).hasMessageContaining(message).hasMessageNotContaining("'short'");
    }

    @Test
    void keyMakesOpenAiTheDefaultAndNeverShowsInToString() throws Exception {
        Config config = load(Map.of("OPENAI_API_KEY", "sk-secret-123"));
        assertThat(config.provider()).isEqualTo(Provider.OPENAI);
        assertThat(config.openAiApiKey()).isEqualTo("sk-secret-123");
        assertThat(config.toString()).doesNotContain("sk-secret-123").contains("apiKey=set");
    }

    @Test
    void explicitProviderWinsOverKey() throws Exception {
        Config config = load(Map.of("OPENAI_API_KEY", "k", "LLM_PROVIDER", "Ollama", "OLLAMA_MODEL", "qwen2.5"));
        assertThat(config.provider()).isEqualTo(Provider.OLLAMA);
        assertThat(config.model()).isEqualTo("qwen2.5");
    }

    @Test
    void everyVariableIsRead() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("LLM_PROVIDER", "openai");
        env.put("OPENAI_BASE_URL", "http://localhost:1234/v1/");
        env.put("OPENAI_MODEL", "local-model");
        env.put("SYSTEM_PROMPT", "  Be brief.  ");
        env.put("PARLEY_DATA_DIR", "/tmp/parley-data");
        env.put("PARLEY_MODELS_DIR", "/tmp/voices");
        env.put("PARLEY_PORT", "9000");
        env.put("PARLEY_HOST", "0.0.0.0");
        env.put("LOG_LEVEL", "DEBUG");
        env.put("PARLEY_FIRST_TOKEN_TIMEOUT", "5");
        env.put("PARLEY_TURN_TIMEOUT", "90");
        env.put("PARLEY_LLM_RETRIES", "0");
        env.put("PARLEY_HISTORY_CHARS", "1000");
        env.put("PARLEY_VOICE", "en_US-lessac-medium, de_DE-thorsten-medium");
        env.put("PARLEY_RATE", "1.5");
        env.put("PARLEY_ALLOWED_ORIGINS", "https://example.org");
        env.put("PARLEY_VOICES_URL", "http://127.0.0.1:9/voices");
        Config config = load(env);
        assertThat(config.baseUrl()).isEqualTo("http://localhost:1234/v1");
        assertThat(config.model()).isEqualTo("local-model");
        assertThat(config.systemPrompt()).isEqualTo("Be brief.");
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/parley-data"));
        assertThat(config.voiceDirs()).containsExactly(Path.of("/tmp/voices"), Path.of("/tmp/parley-data/models"));
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.logLevel()).isEqualTo("debug");
        assertThat(config.firstTokenTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.turnTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.llmRetries()).isZero();
        assertThat(config.historyChars()).isEqualTo(1000);
        assertThat(config.defaultVoices()).containsExactly("en_US-lessac-medium", "de_DE-thorsten-medium");
        assertThat(config.rate()).isEqualTo(1.5);
        assertThat(config.allowedOrigins()).containsExactly("https://example.org");
        assertThat(config.voicesUrl()).isEqualTo("http://127.0.0.1:9/voices/");
    }

    @Test
    void flagsOverrideEnvironment() throws Exception {
        Config config = new ConfigLoader(Map.of("PARLEY_PORT", "9000"), LINUX).load("0.0.0.0", "0");
        assertThat(config.port()).isZero();
        assertThat(config.host()).isEqualTo("0.0.0.0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LLM_PROVIDER        | claude | LLM_PROVIDER must be openai or ollama",
        "PARLEY_PORT         | 80800  | PARLEY_PORT must be a port number from 0 to 65535",
        "PARLEY_PORT         | http   | PARLEY_PORT must be a port number",
        "OPENAI_BASE_URL     | localhost:1234 | OPENAI_BASE_URL must be an http:// or https:// URL",
        "OLLAMA_BASE_URL     | ftp://x | OLLAMA_BASE_URL must be an http:// or https:// URL",
        "LOG_LEVEL           | verbose | LOG_LEVEL must be one of error, warn, info, debug, trace",
        "PARLEY_RATE         | 3      | PARLEY_RATE must be a number from 0.5 to 2.0",
        "PARLEY_TOKEN_TIMEOUT | 0     | PARLEY_TOKEN_TIMEOUT must be a whole number from 1 to 3600",
        "PARLEY_HISTORY_CHARS | lots  | PARLEY_HISTORY_CHARS must be a whole number",
        "PARLEY_LLM_RETRIES  | 11     | PARLEY_LLM_RETRIES must be a whole number from 0 to 10",
        "PARLEY_LANGUAGE     | english! | PARLEY_LANGUAGE must look like en_US",
    })
    void invalidValuesFailWithOneLine(String name, String value, String message) {
        assertThatThrownBy(() -> load(Map.of(name, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message)
                .hasMessageContaining(value)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void invalidPortFlagNamesTheFlag() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of(), LINUX).load(null, "-1"))
                .hasMessageStartingWith("--port must be a port number");
    }

    @Test
    void settingsFileValuesAreUsed() throws Exception {
        Config config = withFile(Map.of(), Map.of(
                Setting.LLM_PROVIDER, "openai",
                Setting.OPENAI_BASE_URL, "http://localhost:1234/v1/",
                Setting.OPENAI_API_KEY, "sk-from-file",
                Setting.SYSTEM_PROMPT, " Be brief. ",
                Setting.PARLEY_RATE, "1.25"))
                .load(null, null);
        assertThat(config.provider()).isEqualTo(Provider.OPENAI);
        assertThat(config.baseUrl()).isEqualTo("http://localhost:1234/v1");
        assertThat(config.apiKey()).isEqualTo("sk-from-file");
        assertThat(config.systemPrompt()).isEqualTo("Be brief.");
        assertThat(config.rate()).isEqualTo(1.25);
    }

    @Test
    void keyInTheFileMakesOpenAiTheDefault() throws Exception {
        Config config = withFile(Map.of(), Map.of(Setting.OPENAI_API_KEY, "sk-from-file")).load(null, null);
        assertThat(config.provider()).isEqualTo(Provider.OPENAI);
    }

    /** Precedence of one setting: flag, then environment, then settings file, then default. */
    @ParameterizedTest(name = "flag={0} env={1} file={2} -> {3} from {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "9001 | 9002 | 9003 | 9001 | FLAG",
        "-    | 9002 | 9003 | 9002 | ENVIRONMENT",
        "-    | -    | 9003 | 9003 | FILE",
        "-    | ' '  | 9003 | 9003 | FILE",
        "-    | -    | -    | 8085 | DEFAULT",
        "9001 | -    | 9003 | 9001 | FLAG",
    })
    void precedenceIsFlagEnvironmentFileDefault(String flag, String env, String file, int port, SettingSource source)
            throws Exception {
        Map<String, String> environment = env == null ? Map.of() : Map.of("PARLEY_PORT", env);
        Map<Setting, String> settings = file == null ? Map.of() : Map.of(Setting.PARLEY_PORT, file);
        ConfigLoader loader = withFile(environment, settings);
        assertThat(loader.load(null, flag).port()).isEqualTo(port);
        assertThat(loader.source(Setting.PARLEY_PORT, null, flag)).isEqualTo(source);
    }

    @Test
    void environmentBeatsTheFileForEverySetting() throws Exception {
        ConfigLoader loader = withFile(Map.of("OLLAMA_MODEL", "from-env", "OPENAI_API_KEY", "sk-env"),
                Map.of(Setting.OLLAMA_MODEL, "from-file", Setting.OPENAI_API_KEY, "sk-file",
                        Setting.LLM_PROVIDER, "ollama"));
        Config config = loader.load(null, null);
        assertThat(config.ollamaModel()).isEqualTo("from-env");
        assertThat(config.openAiApiKey()).isEqualTo("sk-env");
        assertThat(config.provider()).isEqualTo(Provider.OLLAMA);
        assertThat(loader.source(Setting.OLLAMA_MODEL, null, null)).isEqualTo(SettingSource.ENVIRONMENT);
        assertThat(loader.source(Setting.LLM_PROVIDER, null, null)).isEqualTo(SettingSource.FILE);
        assertThat(loader.source(Setting.OPENAI_MODEL, null, null)).isEqualTo(SettingSource.DEFAULT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PARLEY_PORT     | 80800   | must be a port number from 0 to 65535",
        "OLLAMA_BASE_URL | ftp://x | must be an http:// or https:// URL",
        "LLM_PROVIDER    | claude  | must be openai or ollama",
    })
    void invalidFileValueNamesTheKeyAndTheFile(Setting setting, String value, String message) {
        assertThatThrownBy(() -> withFile(Map.of(), Map.of(setting, value)).load(null, null))
                .isInstanceOf(ConfigException.class)
                .hasMessage(setting.name() + " in " + SETTINGS + " " + message + ", not '" + value + "'");
    }

    @Test
    void chosenValuesBeatFlagsAndEnvironmentAndReportTheFile() throws Exception {
        ConfigLoader loader = withFile(Map.of("PARLEY_PORT", "9002", "OLLAMA_MODEL", "env-model"),
                Map.of(Setting.PARLEY_PORT, "9003"))
                .choosing(Map.of(Setting.PARLEY_PORT, "9004", Setting.OLLAMA_MODEL, "chosen", Setting.OPENAI_MODEL, " "));
        Config config = loader.load(null, "9001");
        assertThat(config.port()).isEqualTo(9004);
        assertThat(config.ollamaModel()).isEqualTo("chosen");
        assertThat(config.openAiModel()).isEqualTo("gpt-4o-mini");
        assertThat(loader.source(Setting.PARLEY_PORT, null, "9001")).isEqualTo(SettingSource.FILE);
        assertThat(loader.source(Setting.OPENAI_MODEL, null, "9001")).isEqualTo(SettingSource.DEFAULT);
    }

    @Test
    void invalidChosenValueIsNamedByItsSettingAlone() {
        ConfigLoader loader = withFile(Map.of(), Map.of()).choosing(Map.of(Setting.PARLEY_PORT, "70000"));
        assertThatThrownBy(() -> loader.load(null, null))
                .hasMessage("PARLEY_PORT must be a port number from 0 to 65535, not '70000'");
    }

    @Test
    void configFolderCannotBeChosenOrStored() {
        ConfigLoader loader = new ConfigLoader(Map.of(), LINUX);
        assertThatThrownBy(() -> loader.choosing(Map.of(Setting.PARLEY_CONFIG_DIR, "/x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserSettings(Map.of(Setting.PARLEY_CONFIG_DIR, "/x"), UiPreferences.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Linux      | /home/ada/.config/parley",
        "Mac OS X   | /home/ada/Library/Application Support/Parley",
        "Windows 11 | /home/ada/AppData/Roaming/Parley",
    })
    void configFolderFollowsTheOs(String os, String expected) throws Exception {
        ConfigLoader loader = new ConfigLoader(Map.of(), Map.of("user.home", "/home/ada", "os.name", os));
        assertThat(loader.configDir()).isEqualTo(Path.of(expected));
    }

    @Test
    void configFolderHonoursXdgAndParleyConfigDir() throws Exception {
        assertThat(new ConfigLoader(Map.of("XDG_CONFIG_HOME", "/cfg"), LINUX).configDir())
                .isEqualTo(Path.of("/cfg/parley"));
        assertThat(new ConfigLoader(Map.of("XDG_CONFIG_HOME", "/cfg", "PARLEY_CONFIG_DIR", "/etc/parley-ada"), LINUX)
                .configDir()).isEqualTo(Path.of("/etc/parley-ada"));
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PARLEY_CONFIG_DIR", "/bad\0path"), LINUX).configDir())
                .hasMessageStartingWith("PARLEY_CONFIG_DIR is not a valid path");
    }

    @Test
    void withSettingsFileReadsTheFileInTheConfigFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"OLLAMA_MODEL\": \"qwen2.5\", \"NO_SUCH\": \"x\"}");
        ConfigLoader loader = ConfigLoader.withSettingsFile(Map.of("PARLEY_CONFIG_DIR", dir.toString()), LINUX);
        assertThat(loader.settingsFile().orElseThrow().path()).isEqualTo(dir.resolve("settings.json"));
        assertThat(loader.load(null, null).ollamaModel()).isEqualTo("qwen2.5");
        assertThat(loader.settingsProblems()).singleElement().asString()
                .contains(dir.resolve("settings.json").toString(), "unknown setting NO_SUCH");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Linux      | /home/ada/.local/share/parley",
        "Mac OS X   | /home/ada/Library/Application Support/Parley",
        "Windows 11 | /home/ada/AppData/Roaming/Parley",
    })
    void dataFolderFollowsTheOs(String os, String expected) {
        ConfigLoader loader = new ConfigLoader(Map.of(), Map.of("user.home", "/home/ada", "os.name", os));
        assertThat(loader.defaultDataDir()).isEqualTo(Path.of(expected));
    }

    @Test
    void xdgDataHomeIsHonoured() {
        ConfigLoader loader = new ConfigLoader(Map.of("XDG_DATA_HOME", "/data"), LINUX);
        assertThat(loader.defaultDataDir()).isEqualTo(Path.of("/data/parley"));
    }

    @Test
    void readmeDocumentsEverySetting() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting setting : Setting.values()) {
            assertThat(readme).as("README mentions %s", setting).contains("`" + setting.name() + "`");
        }
    }
}
