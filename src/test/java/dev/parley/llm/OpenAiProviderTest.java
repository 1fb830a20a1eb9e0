package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link OpenAiProvider} against MockWebServer, replaying the chat-completions stream byte for byte. */
class OpenAiProviderTest {

    private static final String KEY = "sk-test-secret-4f2a";
    private static final String MODEL = "gpt-test";
    private static final String SSE = "text/event-stream; charset=utf-8";
    private static final List<ChatMessage> MESSAGES =
            List.of(ChatMessage.system("Be brief."), ChatMessage.user("Say héllo"));

    private static final String ROLE_CHUNK = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
            + "\"model\":\"gpt-test\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
    private static final String BARE_ROLE_CHUNK = "{\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}";
    private static final String FINISH_CHUNK = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
            + "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final HttpFixture http = new HttpFixture();

    @AfterEach
    void closeClient() {
        http.close();
    }

    // ---- wire format ----

    @ParameterizedTest(name = "line ending {0}, chunks of {1} bytes, usage chunk with choices {2}")
    @CsvSource(delimiter = '|', value = {
        "LF   | 100000 | []",
        "CRLF | 1      | null",
        "LF   | 1      | []",
        "CRLF | 100000 | null",
    })
    void streamsAReplyAsTheServerSendsIt(String lineEnding, int chunkSize, String usageChoices) throws Exception {
        String usageChunk = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-test\","
                + "\"choices\":" + usageChoices + ",\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":7,\"total_tokens\":26,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";
        String body = sse(lineEnding,
                ": keep-alive",
                "",
                data(ROLE_CHUNK),
                data(delta("Voil\u00e0")),
                ": keep-alive",
                "",
                data(delta(" na\u00efve")),
                data(delta("")),
                data(delta(" f\u00eate \ud83c\udf89")),
                data(FINISH_CHUNK),
                data(usageChunk),
                data("[DONE]"));
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", SSE).chunkedBody(body, chunkSize).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        assertThat(listener.takeToken()).isEqualTo("Voil\u00e0");
        assertThat(listener.takeToken()).isEqualTo(" na\u00efve");
        assertThat(listener.takeToken()).isEqualTo(" f\u00eate \ud83c\udf89");
        assertThat(listener.awaitComplete()).isEqualTo(new LlmUsage(19, 7, null, "stop"));
        assertClean(listener);
    }

    @Test
    void roleOnlyFirstDeltaWithoutContentIsNoToken() throws Exception {
        server.enqueue(sseResponse(data(BARE_ROLE_CHUNK), data(delta("Hi")), data(FINISH_CHUNK), data("[DONE]")));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        assertThat(listener.takeToken()).isEqualTo("Hi");
        assertThat(listener.awaitComplete()).isEqualTo(new LlmUsage(null, null, null, "stop"));
        assertClean(listener);
    }

    @ParameterizedTest(name = "base URL {0}")
    @ValueSource(strings = {"/v1", "/v1/"})
    void sendsTheChatRequest(String basePath) throws Exception {
        server.enqueue(sseResponse(data(delta("Hi")), data("[DONE]")));

        RecordingLlmListener listener = new RecordingLlmListener();
        OpenAiProvider provider = new OpenAiProvider(http.client, http.scheduler,
                new LlmSettings(server.url(basePath).toString(), KEY, MODEL));
        provider.stream(MESSAGES, listener);
        listener.awaitComplete();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(Json.MAPPER.readTree(request.getBody().utf8())).isEqualTo(Json.MAPPER.readTree("""
                {"model": "gpt-test",
                 "messages": [{"role": "system", "content": "Be brief."},
                              {"role": "user", "content": "Say h\u00e9llo"}],
                 "stream": true,
                 "stream_options": {"include_usage": true}}"""));
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() throws Exception {
        server.enqueue(sseResponse(data(delta("Hi")), data("[DONE]")));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(null).stream(MESSAGES, listener);
        listener.awaitComplete();

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    // ---- errors in the stream ----

    @Test
    void midStreamErrorEventIsAnError() throws Exception {
        server.enqueue(sseResponse(data(delta("Hel")),
                data("{\"error\":{\"message\":\"The server had an error while processing your request. Sorry about that!\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}"),
                data(delta("lo")), data("[DONE]")));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).contains("mid-reply", "The server had an error while processing your request");
        assertThat(listener.text()).isEqualTo("Hel");
        assertClean(listener);
    }

    @Test
    void rateLimitAfterTheFirstTokenIsA429WithoutRetry() throws Exception {
        server.enqueue(sseResponse(data(delta("Hel")),
                "event: error",
                data("{\"error\":{\"message\":\"Rate limit reached for gpt-test on tokens per min.\","
                        + "\"type\":\"tokens\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")));
        server.enqueue(sseResponse(data(delta("again")), data("[DONE]")));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(429);
        assertThat(error.getMessage()).contains("Rate limit reached for gpt-test");
        http.awaitIdle();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertClean(listener);
    }

    @Test
    void streamEndingWithoutDoneIsCutOff() throws Exception {
        server.enqueue(sseResponse(data(ROLE_CHUNK), data(delta("Hel")), data(FINISH_CHUNK)));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).contains("was cut off", "[DONE]");
        assertThat(listener.text()).isEqualTo("Hel");
        assertClean(listener);
    }

    @Test
    void connectionDroppedMidBodyIsCutOff() throws Exception {
        String body = sse("\n", data(delta("one")), data(delta(" two")), data(delta(" three")), data(delta(" four")),
                data(delta(" five")), data(delta(" six")), data("[DONE]"));
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", SSE).body(body)
                .onResponseBody(new SocketEffect.CloseSocket()).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).contains("was cut off");
        assertThat(listener.text()).startsWith("one").isNotEqualTo("one two three four five six");
        assertClean(listener);
    }

    @Test
    void unreadableChunkIsAnError() throws Exception {
        server.enqueue(sseResponse(data(delta("Hi")), data("{\"choices\":[{\"delta\":"), data("[DONE]")));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).startsWith("unreadable reply from the OpenAI-compatible server");
        assertClean(listener);
    }

    // ---- HTTP errors ----

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403})
    void refusedKeyIs401AndNeverEchoesTheKey(int status) throws Exception {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ". You can find your API key at "
                        + "https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"invalid_api_key\"}}")
                .build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(401);
        assertThat(error.getMessage()).contains("the API key was refused", "OPENAI_API_KEY").doesNotContain(KEY);
        assertClean(listener);
    }

    @Test
    void missingKeyIs401SayingNoneIsSet() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error\":{\"message\":\"You didn't provide an API key.\",\"type\":\"invalid_request_error\"}}").build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(null).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(401);
        assertThat(error.getMessage()).contains("none is set", "OPENAI_API_KEY");
    }

    @ParameterizedTest(name = "HTTP {0} → {2}")
    @CsvSource(delimiter = '|', value = {
        "404 | {\"error\":{\"message\":\"The model `gpt-test` does not exist or you do not have access to it.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}} | 404 | The model `gpt-test` does not exist",
        "404 | 404 page not found                                                                                     | 404 | 404 page not found",
        "400 | {\"error\":{\"message\":\"This model has a maximum context length of 128000 tokens.\",\"type\":\"invalid_request_error\"}} | 400 | maximum context length of 128000 tokens",
        "500 | {\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}} | 502 | failed (HTTP 500): The server had an error",
    })
    void httpErrorsAreTranslated(int status, String body, int code, String message) throws Exception {
        server.enqueue(new MockResponse.Builder().code(status).body(body).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.getMessage()).contains(message);
        assertClean(listener);
    }

    @Test
    void okWithAJsonBodyInsteadOfAStreamIsAnError() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"stream is not supported by this deployment\",\"type\":\"invalid_request_error\"}}")
                .build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).contains("application/json", "stream is not supported by this deployment");
        assertClean(listener);
    }

    @Test
    void rateLimitIsRetriedHonouringRetryAfter() throws Exception {
        server.enqueue(tooManyRequests("0"));
        server.enqueue(tooManyRequests("0"));
        server.enqueue(sseResponse(data(delta("Hi")), data("[DONE]")));

        assertRepliesHiOnRequest(provider(KEY), 3);
    }

    @Test
    void rateLimitGivesUpAfterTwoRetries() throws Exception {
        server.enqueue(tooManyRequests("0"));
        server.enqueue(tooManyRequests("0"));
        server.enqueue(tooManyRequests("0"));
        server.enqueue(sseResponse(data(delta("too late")), data("[DONE]")));

        LlmException error = awaitGivingUpAfter(provider(KEY), 3);
        assertThat(error.code()).isEqualTo(429);
        assertThat(error.getMessage()).contains("rate limiting", "Rate limit reached for requests");
    }

    @Test
    void overloadedServerIsRetriedAfterABackoffThenAnswers() throws Exception {
        server.enqueue(serviceUnavailable());
        server.enqueue(sseResponse(data(delta("Hi")), data("[DONE]")));

        assertRepliesHiOnRequest(provider(KEY), 2);
    }

    @Test
    void overloadedServerGivesUpAfterTheConfiguredRetries() throws Exception {
        server.enqueue(serviceUnavailable());
        server.enqueue(serviceUnavailable());
        server.enqueue(sseResponse(data(delta("too late")), data("[DONE]")));

        LlmException error = awaitGivingUpAfter(provider(KEY, LlmTimeouts.DEFAULT, 1), 2);
        assertThat(error.code()).isEqualTo(502);
        assertThat(error).hasMessage("the OpenAI-compatible server failed (HTTP 503)");
    }

    @Test
    void noRetriesWhenConfiguredSo() throws Exception {
        server.enqueue(tooManyRequests("0"));
        server.enqueue(sseResponse(data(delta("too late")), data("[DONE]")));

        assertThat(awaitGivingUpAfter(provider(KEY, LlmTimeouts.DEFAULT, 0), 1).code()).isEqualTo(429);
    }

    @Test
    void overloadReportedAfterTheFirstTokenEndsTheTurnWithoutRetry() throws Exception {
        server.enqueue(sseResponse(data(delta("Hel")),
                data("{\"error\":{\"message\":\"The server is overloaded, please try again later.\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":\"overloaded\"}}")));
        server.enqueue(sseResponse(data(delta("again")), data("[DONE]")));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY).stream(MESSAGES, listener);

        assertThat(listener.takeToken()).isEqualTo("Hel");
        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).contains("The server is overloaded");
        http.awaitIdle();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertClean(listener);
    }

    @Test
    void cancelDuringTheRetryWaitStopsTheRetry() throws Exception {
        server.enqueue(tooManyRequests("30"));

        RecordingLlmListener listener = new RecordingLlmListener();
        LlmCall call = provider(KEY).stream(MESSAGES, listener);
        server.takeRequest();
        http.awaitIdle();

        assertThat(http.scheduler.getQueue()).singleElement()
                .satisfies(retry -> assertThat(((ScheduledFuture<?>) retry).getDelay(TimeUnit.SECONDS)).isGreaterThan(20));
        call.cancel();
        listener.cancelReturned();

        assertThat(http.scheduler.getQueue()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertClean(listener);
    }

    @Test
    void closedPortIs503NamingTheUrl() throws Exception {
        String base = "http://127.0.0.1:" + HttpFixture.closedPort() + "/v1";
        OpenAiProvider provider = new OpenAiProvider(http.client, http.scheduler, new LlmSettings(base, KEY, MODEL));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider.stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(503);
        assertThat(error.getMessage())
                .isEqualTo("cannot reach the OpenAI-compatible server at " + base + " — check OPENAI_BASE_URL");
        assertClean(listener);
    }

    @Test
    void unknownHostIs503() throws Exception {
        OkHttpClient noDns = http.client.newBuilder().dns(host -> {
            throw new UnknownHostException(host);
        }).build();
        OpenAiProvider provider = new OpenAiProvider(noDns, http.scheduler,
                new LlmSettings("https://llm.example.invalid/v1", KEY, MODEL));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider.stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(503);
        assertThat(error.getMessage()).contains("https://llm.example.invalid/v1", "OPENAI_BASE_URL");
    }

    // ---- timeouts and cancel ----

    @Test
    void keepAlivesAloneDoNotPreventTheFirstTokenTimeout() throws Exception {
        server.enqueue(keepAlivesAfter("", 1000));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY, Duration.ofMillis(300), Duration.ofSeconds(30)).stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).isEqualTo("no reply from gpt-test within 300 ms");
        assertThat(http.canceled.poll(10, TimeUnit.SECONDS)).as("a cancelled call").isNotNull();
        assertClean(listener);
    }

    @Test
    void keepAlivesAloneDoNotPreventTheBetweenTokensTimeout() throws Exception {
        server.enqueue(keepAlivesAfter(data(delta("Hi")) + "\n", 1000));

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY, Duration.ofSeconds(30), Duration.ofMillis(300)).stream(MESSAGES, listener);

        assertThat(listener.takeToken()).isEqualTo("Hi");
        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error.getMessage()).isEqualTo("gpt-test stopped replying: nothing new for 300 ms");
        assertClean(listener);
    }

    @Test
    void aServerThatAcceptsAndSendsNothingHoldsNoThreadPastTheTimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        provider(KEY, Duration.ofSeconds(1), Duration.ofSeconds(30)).stream(MESSAGES, listener);
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (HttpFixture.threadsReadingSockets().isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertThat(HttpFixture.threadsReadingSockets()).as("the call's thread, waiting for headers").hasSize(1);

        assertThat(listener.awaitError()).hasMessage("no reply from gpt-test within 1 s");
        assertClean(listener);
        assertThat(HttpFixture.threadsReadingSockets()).isEmpty();
    }

    @Test
    void theTurnTimeoutEndsAReplyThatTricklesForever() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            body.append(data(delta("."))).append('\n');
        }
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", SSE).chunkedBody(body.toString(), 64)
                .throttleBody(64, 20, TimeUnit.MILLISECONDS).build());

        RecordingLlmListener listener = new RecordingLlmListener();
        LlmTimeouts timeouts = new LlmTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofMillis(500));
        provider(KEY, timeouts, 2).stream(MESSAGES, listener);

        assertThat(listener.takeToken()).isEqualTo(".");
        LlmException error = listener.awaitError();
        assertThat(error.code()).isEqualTo(502);
        assertThat(error).hasMessage("gpt-test did not finish its reply within 500 ms");
        assertThat(http.canceled.poll(10, TimeUnit.SECONDS)).as("a cancelled call").isNotNull();
        assertClean(listener);
        assertThat(HttpFixture.threadsReadingSockets()).isEmpty();
    }

    @Test
    void cancelAbortsTheHttpCallAndSilencesTheListener() throws Exception {
        server.enqueue(keepAlivesAfter(data(delta("Hi")) + "\n", 1000));

        RecordingLlmListener listener = new RecordingLlmListener();
        LlmCall call = provider(KEY).stream(MESSAGES, listener);
        assertThat(listener.takeToken()).isEqualTo("Hi");

        call.cancel();
        listener.cancelReturned();

        assertThat(http.canceled).containsExactly(server.url("/v1/chat/completions").toString());
        http.awaitIdle();
        call.cancel();
        assertClean(listener);
    }

    // ---- listModels ----

    @Test
    void listsModels() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("""
                {"object": "list", "data": [
                  {"id": "gpt-4o-mini", "object": "model", "created": 1721172741, "owned_by": "system"},
                  {"id": "gpt-4o", "object": "model", "created": 1715367049, "owned_by": "system"}]}""").build());

        assertThat(provider(KEY).listModels()).containsExactly("gpt-4o-mini", "gpt-4o");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/models");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void listModelsTranslatesErrors() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}").build());

        assertThatThrownBy(() -> provider(KEY).listModels())
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.code()).isEqualTo(401))
                .hasMessageContaining("the API key was refused")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void listModelsOnAClosedPortIs503() throws Exception {
        String base = "http://127.0.0.1:" + HttpFixture.closedPort() + "/v1";
        OpenAiProvider provider = new OpenAiProvider(http.client, http.scheduler, new LlmSettings(base, KEY, MODEL));

        assertThatThrownBy(provider::listModels)
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.code()).isEqualTo(503))
                .hasMessageContaining(base);
    }

    // ---- helpers ----

    /** Waits for every HTTP callback to return, then checks the listener saw a clean sequence. */
    private void assertClean(RecordingLlmListener listener) throws InterruptedException {
        http.awaitIdle();
        listener.assertClean();
    }

    /** Streams a reply and checks it is "Hi", answered to request number {@code requests}. */
    private void assertRepliesHiOnRequest(OpenAiProvider provider, int requests) throws InterruptedException {
        RecordingLlmListener listener = new RecordingLlmListener();
        provider.stream(MESSAGES, listener);

        assertThat(listener.takeToken()).isEqualTo("Hi");
        listener.awaitComplete();
        assertThat(server.getRequestCount()).isEqualTo(requests);
        assertClean(listener);
    }

    /** Streams a reply, expecting the error it ends with after exactly {@code requests} requests. */
    private LlmException awaitGivingUpAfter(OpenAiProvider provider, int requests) throws InterruptedException {
        RecordingLlmListener listener = new RecordingLlmListener();
        provider.stream(MESSAGES, listener);

        LlmException error = listener.awaitError();
        http.awaitIdle();
        assertThat(server.getRequestCount()).isEqualTo(requests);
        assertClean(listener);
        return error;
    }

    private OpenAiProvider provider(String key) {
        return new OpenAiProvider(http.client, http.scheduler, new LlmSettings(server.url("/v1").toString(), key, MODEL));
    }

    private OpenAiProvider provider(String key, Duration firstToken, Duration betweenTokens) {
        return provider(key, new LlmTimeouts(Duration.ofSeconds(10), firstToken, betweenTokens, Duration.ofSeconds(60)),
                LlmSettings.DEFAULT_RETRIES);
    }

    private OpenAiProvider provider(String key, LlmTimeouts timeouts, int retries) {
        return new OpenAiProvider(http.client, http.scheduler,
                new LlmSettings(server.url("/v1").toString(), key, MODEL, timeouts, retries));
    }

    /** A content chunk as OpenAI writes it, with the text as raw UTF-8. */
    private static String delta(String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-test\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + TextNode.valueOf(content)
                + "},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
    }

    /** An event: a {@code data:} line followed by the blank line that ends it. */
    private static String data(String payload) {
        return "data: " + payload + "\n";
    }

    /** Joins lines (each of which may itself end in a newline) and converts line endings. */
    private static String sse(String lineEnding, String... lines) {
        String joined = String.join("\n", lines) + "\n";
        return "CRLF".equals(lineEnding) ? joined.replace("\n", "\r\n") : joined;
    }

    private static MockResponse sseResponse(String... lines) {
        return new MockResponse.Builder().addHeader("Content-Type", SSE).body(sse("LF", lines)).build();
    }

    private static MockResponse serviceUnavailable() {
        return new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>").build();
    }

    private static MockResponse tooManyRequests(String retryAfter) {
        return new MockResponse.Builder().code(429).addHeader("retry-after", retryAfter)
                .body("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                        + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
                .build();
    }

    /**
     * {@code prefix}, then {@code count} keep-alive comments trickling in at 64 bytes every 20 ms:
     * several seconds of them, far longer than the 300 ms timeouts under test.
     */
    private static MockResponse keepAlivesAfter(String prefix, int count) {
        String body = prefix + ": keep-alive\n\n".repeat(count);
        return new MockResponse.Builder().addHeader("Content-Type", SSE).chunkedBody(body, 64)
                .throttleBody(64, 20, TimeUnit.MILLISECONDS).build();
    }
}
