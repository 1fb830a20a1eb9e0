package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link OllamaProvider} against MockWebServer, replaying {@code /api/chat} NDJSON byte for byte. */
class OllamaProviderTest {

    private static final String MODEL = "llama3.2";
    private static final String NDJSON = "application/x-ndjson";
    private static final List<ChatMessage> MESSAGES =
            List.of(ChatMessage.system("Be brief."), ChatMessage.user("Say h\u00e9llo"), ChatMessage.assistant("H\u00e9llo!"),
                    ChatMessage.user("Again"));
    private static final String DONE_LINE = "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-10T08:52:20.385406455Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,"
            + "\"total_duration\":4883583458,\"load_duration\":1334875,\"prompt_eval_count\":26,"
            + "\"prompt_eval_duration\":342546000,\"eval_count\":282,\"eval_duration\":4535599000}";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final HttpFixture http = new HttpFixture();

    @AfterEach
    void closeClient() {
        http.close();
    }

    // ---- wire format ----

    @ParameterizedTest(name = "line ending {0}, chunks of {1} bytes")
    @CsvSource({"LF, 100000", "CRLF, 1", "LF, 1", "CRLF, 100000"})
    void streamsAReplyAsTheServerSendsIt(String lineEnding, int chunkSize) throws Exception {
        String body = ndjson(lineEnding,
                line("Voil\u00e0"),
                line(""),
                line(" na\u00efve"),
                "",
                line(" f\u00eate \ud83c\udf89"),
                DONE_LINE);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", NDJSON).chunkedBody(body, chunkSize).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider().stream(MESSAGES, listener);

        assertThat(listener.takeToken()).isEqualTo("Voil\u00e0");
        assertThat(listener.takeToken()).isEqualTo(" na\u00efve");
        assertThat(listener.takeToken()).isEqualTo(" f\u00eate \ud83c\udf89");
        assertThat(listener.awaitComplete()).isEqualTo(new LlmUsage(26, 282, 4_535_599_000L, "stop"));
        assertClean(listener);
    }

    @ParameterizedTest(name = "base URL {0}")
    @ValueSource(strings = {"", "/"})
    void sendsTheChatRequest(String basePath) throws Exception {
        server.enqueue(ndjsonResponse(line("Hi"), DONE_LINE));

        String base = "http://" + server.getHostName() + ":" + server.getPort() + basePath;
        RecordingLlmListener listener = new RecordingLlmListener();
        new OllamaProvider(http.client, http.scheduler, new LlmSettings(base, null, MODEL)).stream(MESSAGES, listener);
        listener.awaitComplete();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/chat");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(Json.MAPPER.readTree(request.getBody().utf8())).isEqualTo(Json.MAPPER.readTree("""
                {"model": "llama3.2",
                 "messages": [{"role": "system", "content": "Be brief."},
                              {"role": "user", "content": "Say h\u00e9llo"},
                              {"role": "assistant", "content": "H\u00e9llo!"},
                              {"role": "user", "content": "Again"}],
                 "stream": true}"""));
    }

    // ---- errors in the stream ----

    @Test
    void midStreamErrorLineIsAnError() throws Exception {
        server.enqueue(ndjsonResponse(line("Hel"),
                "{\"error\":\"an error was encountered while running the model: unexpected EOF\"}"));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider().stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).contains("mid-reply", "unexpected EOF");
        assertThat(listener.text()).isEqualTo("Hel");
        assertClean(listener);
    }

    @Test
    void streamEndingWithoutDoneIsCutOff() throws Exception {
        server.enqueue(ndjsonResponse(line("Hel"), line("lo")));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider().stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).contains("was cut off", "done: true");
        assertThat(listener.text()).isEqualTo("Hello");
        assertClean(listener);
    }

    @Test
    void connectionDroppedMidBodyIsCutOff() throws Exception {
        String body = ndjson("LF", line("one"), line(" two"), line(" three"), line(" four"), line(" five"), DONE_LINE);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", NDJSON).body(body)
                .onResponseBody(new SocketEffect.CloseSocket()).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider().stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).contains("was cut off");
        assertThat(listener.text()).startsWith("one").isNotEqualTo("one two three four five");
        assertClean(listener);
    }

    @Test
    void unreadableLineIsAnError() throws Exception {
        server.enqueue(ndjsonResponse(line("Hi"), "{\"message\":{\"role\":\"assis", DONE_LINE));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider().stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).startsWith("unreadable reply from Ollama");
        assertClean(listener);
    }

    // ---- HTTP errors ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"error\":\"model 'llama3.2' not found\"}",
                            "{\"error\":\"model \\\"llama3.2\\\" not found, try pulling it first\"}"})
    void missingModelSaysToPullIt(String body) throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider().stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(404);
        assertThat(error.getMessage()).contains("`ollama pull llama3.2`");
        assertClean(listener);
    }

    @ParameterizedTest(name = "HTTP {0} → {2}")
    @CsvSource(delimiter = '|', value = {
        "404 | 404 page not found                                                            | 404 | 404 page not found",
        "401 | {\"error\":\"unauthorized\"}                                                    | 401 | OLLAMA_API_KEY",
        "400 | {\"error\":\"invalid message format\"}                                          | 400 | invalid message format",
        "500 | {\"error\":\"llama runner process has terminated: exit status 2\"}             | 502 | failed (HTTP 500): llama runner process has terminated",
    })
    void httpErrorsAreTranslated(int status, String body, int code, String message) throws Exception {
        server.enqueue(new MockResponse.Builder().code(status).body(body).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider().stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.getMessage()).contains(message);
        assertClean(listener);
    }

    @Test
    void keyIsSentAndNeverEchoed() throws Exception {
        String key = "ollama-secret-77";
        server.enqueue(new MockResponse.Builder().code(403).body("{\"error\":\"key " + key + " is not allowed\"}").build());

        RecordingLlmListener listener = new RecordingLlmListener();
        new OllamaProvider(http.client, http.scheduler, new LlmSettings(server.url("/").toString(), key, MODEL))
                .stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(401);
        assertThat(error.getMessage()).contains("the API key was refused", "OLLAMA_API_KEY").doesNotContain(key);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + key);
        assertClean(listener);
    }

    @Test
    void okWithAnHtmlPageInsteadOfAStreamIsAnError() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!doctype html><title>Open WebUI</title>").build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider().stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).contains("text/html", "instead of a stream");
        assertClean(listener);
    }

    @Test
    void rateLimitIsRetriedThenGivesUp() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
                    .body("{\"error\":\"too many requests\"}").build());
        }
        server.enqueue(ndjsonResponse(line("too late"), DONE_LINE));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider().stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(429);
        assertThat(error.getMessage()).contains("too many requests");
        assertClean(listener);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    // Retry-After: 1 for 503, as OkHttp itself repeats a 503 with Retry-After: 0 once before Parley sees it.
    @ParameterizedTest(name = "HTTP {0}, Retry-After {1}")
    @CsvSource(delimiter = '|', value = {
        "429 | 0 | {\"error\":\"too many requests\"}",
        "503 | 1 | {\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}",
    })
    void busyServerIsRetriedUntilItAnswers(int status, String retryAfter, String body) throws Exception {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Retry-After", retryAfter).body(body).build());
        server.enqueue(ndjsonResponse(line("Hi"), DONE_LINE));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider().stream(MESSAGES, listener);

        assertThat(listener.takeToken()).isEqualTo("Hi");
        listener.awaitComplete();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertClean(listener);
    }

    @Test
    void closedPortIs503SayingToRunOllamaServe() throws Exception {
        String base = "http://127.0.0.1:" + HttpFixture.closedPort();
        OllamaProvider provider = new OllamaProvider(http.client, http.scheduler, new LlmSettings(base, null, MODEL));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider.stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(503);
        assertThat(error.getMessage()).isEqualTo("cannot reach Ollama at " + base + " — is `ollama serve` running?");
        assertClean(listener);
    }

    // ---- timeouts and cancel ----

    @Test
    void noHeadersWithinTheFirstTokenTimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(Duration.ofMillis(300), Duration.ofSeconds(30)).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).isEqualTo("no reply from llama3.2 within 300 ms");
        assertThat(http.canceled.poll(10, TimeUnit.SECONDS)).as("a cancelled call").isNotNull();
        assertClean(listener);
        assertThat(HttpFixture.threadsReadingSockets()).isEmpty();
    }

    @Test
    void silenceAfterATokenHitsTheBetweenTokensTimeout() throws Exception {
        // The server stalls half-way through the body: after the short first line, inside the long second one.
        String body = ndjson("LF", line("Hi"), line(" " + "x".repeat(400)), DONE_LINE);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", NDJSON).body(body)
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(Duration.ofSeconds(30), Duration.ofMillis(300)).stream(MESSAGES, listener);

        assertThat(listener.takeToken()).isEqualTo("Hi");
        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).isEqualTo("llama3.2 stopped replying: nothing new for 300 ms");
        assertClean(listener);
        assertThat(HttpFixture.threadsReadingSockets()).isEmpty();
    }

    @Test
    void cancelAbortsTheHttpCallAndSilencesTheListener() throws Exception {
        String body = ndjson("LF", line("Hi"), line(" " + "x".repeat(400)), DONE_LINE);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", NDJSON).body(body)
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        LlmCall call = provider().stream(MESSAGES, listener);
        assertThat(listener.takeToken()).isEqualTo("Hi");

        call.cancel();
        listener.cancelReturned();

        assertThat(http.canceled).containsExactly(server.url("/api/chat").toString());
        assertClean(listener);
    }

    // ---- listModels ----

    @Test
    void listsModels() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json; charset=utf-8").body("""
                {"models":[
                  {"name":"llama3.2:latest","model":"llama3.2:latest","modified_at":"2025-01-09T10:02:11.394Z",
                   "size":2019393189,"digest":"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
                   "details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],
                              "parameter_size":"3.2B","quantization_level":"Q4_K_M"}},
                  {"name":"qwen2.5:7b","model":"qwen2.5:7b","modified_at":"2025-01-02T18:40:00Z","size":4683087332,
                   "digest":"845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e","details":{}}]}""").build());

        assertThat(provider().listModels()).containsExactly("llama3.2:latest", "qwen2.5:7b");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/tags");
    }

    @Test
    void listModelsOnAClosedPortIs503() throws Exception {
        String base = "http://127.0.0.1:" + HttpFixture.closedPort();
        OllamaProvider provider = new OllamaProvider(http.client, http.scheduler, new LlmSettings(base, null, MODEL));

        assertThatThrownBy(provider::listModels)
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.code()).isEqualTo(503))
                .hasMessage("cannot reach Ollama at " + base + " — is `ollama serve` running?");
    }

    @Test
    void listModelsWithoutAModelsArrayIsUnreadable() {
        server.enqueue(new MockResponse.Builder().body("{\"status\":\"ok\"}").build());

        assertThatThrownBy(() -> provider().listModels())
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.code()).isEqualTo(502))
                .hasMessageContaining("no models array");
    }

    // ---- helpers ----

    private void assertClean(RecordingLlmListener listener) throws InterruptedException {
        http.awaitIdle();
        listener.assertClean();
    }

    private OllamaProvider provider() {
        return new OllamaProvider(http.client, http.scheduler, new LlmSettings(server.url("/").toString(), null, MODEL));
    }

    private OllamaProvider provider(Duration firstToken, Duration betweenTokens) {
        LlmTimeouts timeouts = new LlmTimeouts(Duration.ofSeconds(10), firstToken, betweenTokens, Duration.ofSeconds(60));
        return new OllamaProvider(http.client, http.scheduler,
                new LlmSettings(server.url("/").toString(), null, MODEL, timeouts));
    }

    /** A content line as Ollama writes it, with the text as raw UTF-8. */
    private static String line(String content) {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-10T08:52:19.385406455Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":" + TextNode.valueOf(content) + "},\"done\":false}";
    }

    private static String ndjson(String lineEnding, String... lines) {
        return String.join("CRLF".equals(lineEnding) ? "\r\n" : "\n", lines) + ("CRLF".equals(lineEnding) ? "\r\n" : "\n");
    }

    private static MockResponse ndjsonResponse(String... lines) {
        return new MockResponse.Builder().addHeader("Content-Type", NDJSON).body(ndjson("LF", lines)).build();
    }
}
