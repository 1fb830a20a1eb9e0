package dev.parley.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.llm.LlmSettings;
import dev.parley.llm.OllamaProvider;
import dev.parley.testing.UiThread;
import dev.parley.ui.chat.ErrorBanner;
import dev.parley.ui.chat.TurnFigures;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusViewModelTest {

    @StartStop
    private final MockWebServer ollama = new MockWebServer();

    private final UiThread ui = new UiThread();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SimpleObjectProperty<TurnFigures> figures = new SimpleObjectProperty<>(TurnFigures.NONE);
    private final SimpleObjectProperty<ErrorBanner> banner = new SimpleObjectProperty<>();

    @AfterEach
    void stop() {
        ui.close();
        scheduler.shutdownNow();
    }

    private StatusViewModel status(String baseUrl) {
        OllamaProvider provider = new OllamaProvider(new OkHttpClient(), scheduler,
                new LlmSettings(baseUrl, null, "llama3.2"));
        return new StatusViewModel(() -> provider, figures, banner, Runnable::run, ui);
    }

    @Test
    void aProviderThatListsTheModelIsConnected() throws Exception {
        ollama.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"models\":[{\"name\":\"llama3.2\"},{\"name\":\"qwen2.5\"}]}").build());
        StatusViewModel status = status(ollama.url("/").toString());
        status.checkConnection();
        ui.await("the check", () -> status.connectionOkProperty().get());
        assertThat(ui.call(() -> status.connectionProperty().get())).isEqualTo("connected");
        assertThat(ui.call(() -> status.modelProperty().get())).isEqualTo("ollama · llama3.2");
    }

    @Test
    void aMissingModelIsPointedOut() throws Exception {
        ollama.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"models\":[{\"name\":\"qwen2.5\"}]}").build());
        StatusViewModel status = status(ollama.url("/").toString());
        status.checkConnection();
        ui.await("the check", () -> status.connectionProperty().get().startsWith("connected"));
        assertThat(ui.call(() -> status.connectionProperty().get())).contains("llama3.2 is not among its 1 models");
    }

    @Test
    void anUnreachableProviderSaysHowToFixIt() throws Exception {
        java.net.ServerSocket socket = new java.net.ServerSocket(0);
        int port = socket.getLocalPort();
        socket.close();
        StatusViewModel status = status("http://127.0.0.1:" + port);
        status.checkConnection();
        ui.await("the check", () -> status.connectionProperty().get().startsWith("cannot reach"));
        assertThat(ui.call(() -> status.connectionProperty().get())).contains("ollama serve");
        assertThat(ui.call(() -> status.connectionOkProperty().get())).isFalse();
    }

    @Test
    void turnsUpdateTheFiguresAndTheConnectionState() throws Exception {
        StatusViewModel status = status(ollama.url("/").toString());
        banner.set(new ErrorBanner("the API key was refused", "fix it"));
        assertThat(status.connectionProperty().get()).isEqualTo("error: the API key was refused");
        figures.set(new TurnFigures(100L, 200L, 30.0, 0));
        assertThat(status.connectionProperty().get()).isEqualTo("connected");
        assertThat(status.turnProperty().get()).isEqualTo("first token 100 ms · first audio 200 ms · 30.0 tokens/s · 0 underruns");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "412 | 690 | 38.54 | 0 | first token 412 ms · first audio 690 ms · 38.5 tokens/s · 0 underruns",
        "412 | -   | 12.0  | - | first token 412 ms · 12.0 tokens/s",
        "-   | -   | -     | 1 | 1 underrun",
        "-   | -   | -     | - | ''",
    })
    void turnFiguresReadAsOneLine(Long ttft, Long firstAudio, Double rate, Integer underruns, String expected) {
        assertThat(StatusViewModel.describe(new TurnFigures(ttft, firstAudio, rate, underruns)))
                .isEqualTo(expected == null ? "" : expected);
    }
}
