package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private static final Map<String, String> LINUX = Map.of("user.home", "/home/ada", "os.name", "Linux");

    private static Config load(Map<String, String> env) throws ConfigException {
        return new ConfigLoader(env, LINUX).load(null, null);
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
        assertThat(config.rate()).isEqualTo(1.0);
        assertThat(config.language()).isEqualTo("en_US");
        assertThat(config.voicesUrl()).isEqualTo("https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/");
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
