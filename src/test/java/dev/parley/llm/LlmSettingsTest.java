package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LlmSettingsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://api.openai.com/v1", "https://api.openai.com/v1/", "https://api.openai.com/v1//"})
    void dropsTrailingSlashes(String baseUrl) {
        LlmSettings settings = new LlmSettings(baseUrl, null, "gpt-4o-mini");

        assertThat(settings.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(settings.url("chat/completions")).hasToString("https://api.openai.com/v1/chat/completions");
    }

    @Test
    void toStringHidesTheKey() {
        LlmSettings settings = new LlmSettings("http://localhost:11434", "sk-very-secret", "llama3.2");

        assertThat(settings.toString()).doesNotContain("sk-very-secret").contains("apiKey=(set)", "llama3.2");
    }

    @Test
    void blankKeyMeansNoKey() {
        assertThat(new LlmSettings("http://localhost:11434", "  ", "llama3.2").apiKey()).isNull();
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> new LlmSettings("localhost:11434", null, "llama3.2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localhost:11434");
    }

    @Test
    void rejectsNonPositiveTimeouts() {
        assertThatThrownBy(() -> new LlmTimeouts(Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstToken");
    }

    @Test
    void rejectsRetriesOutsideZeroToTen() {
        LlmTimeouts timeouts = LlmTimeouts.DEFAULT;
        assertThatThrownBy(() -> new LlmSettings("http://localhost:1", null, "m", timeouts, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retries");
        assertThatThrownBy(() -> new LlmSettings("http://localhost:1", null, "m", timeouts, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retries");
    }

    @org.junit.jupiter.api.Test
    void theDisplayedUrlHasNoCredentials() {
        LlmSettings settings = new LlmSettings("http://ada:s3cret@127.0.0.1:11434/", null, "m");
        org.assertj.core.api.Assertions.assertThat(settings.displayUrl()).isEqualTo("http://127.0.0.1:11434");
        org.assertj.core.api.Assertions.assertThat(settings.toString()).doesNotContain("s3cret");
    }
}
