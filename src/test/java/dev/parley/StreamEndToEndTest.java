package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.audio.Pcm;
import dev.parley.audio.Wav;
import dev.parley.chat.StoredMessage;
import dev.parley.config.Config;
import dev.parley.testing.OpenAiScript;
import dev.parley.testing.TestConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole headless app, end to end: a real WebSocket client against the real server on a free
 * port, the real OpenAI provider against MockWebServer, real espeak-ng and real ONNX Runtime.
 */
class StreamEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = TestConfig.KEY;

    @StartStop
    private final MockWebServer upstream = new MockWebServer();

    @TempDir
    Path dir;

    private final BlockingQueue<String> canceled = new LinkedBlockingQueue<>();
    private Parley parley;
    private Path models;
    private int port;

    @BeforeEach
    void start() throws Exception {
        models = Files.createDirectories(dir.resolve("models"));
        // Above the default of 16, for fiftyConcurrentStreamsAllComplete.
        Config config = TestConfig.openAi(dir, upstream.url("/v1").toString(), Map.of("PARLEY_MAX_REPLIES", "64"));
        OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                canceled.add(call.request().url().toString());
            }
        }).build();
        parley = Parley.create(config, http);
        port = parley.startServer().port();
    }

    @AfterEach
    void stop() {
        parley.close();
    }

    /** Drops the test voice into the models folder of the running app, as a person would. */
    private void installTestVoice() throws Exception {
        for (String file : List.of("en_US-test-x_low.onnx", "en_US-test-x_low.onnx.json")) {
            Files.copy(Path.of("src/test/resources/voices", file), models.resolve(file));
        }
    }

    private WsTestClient stream(String message, String more) throws Exception {
        return WsTestClient.connect(port, "message=" + URLEncoder.encode(message, StandardCharsets.UTF_8) + more);
    }

    @Test
    void aReplyThatCannotBeSavedStillStreamsAndWarnsBeforeComplete() throws Exception {
        Path conversations = dir.resolve("data").resolve("conversations");
        // Root ignores permissions, so the folder is made unwritable by replacing it with a file.
        Files.delete(conversations);
        Files.writeString(conversations, "not a folder");
        upstream.enqueue(OpenAiScript.reply("Kept", " in mind."));
        WsTestClient client = stream("Remember this", "&language=en_US");

        client.next("status");
        JsonNode warning = client.awaitNext("error");
        JsonNode complete = client.next("status");

        assertThat(warning.get("code").asInt()).isEqualTo(507);
        assertThat(warning.get("fatal").asBoolean()).isFalse();
        assertThat(warning.get("error").asText()).isEqualTo("the reply could not be saved: the conversations folder is a file");
        assertThat(complete.get("status").asText()).isEqualTo("complete");
        assertThat(complete.get("text").asText()).isEqualTo("Kept in mind.");
        assertThat(client.received("token")).hasSize(2);
        assertThat(client.awaitClose()).isEqualTo(1000);
    }

    @Test
    void aTurnStreamsStatusTokensAudioAndComplete() throws Exception {
        upstream.enqueue(OpenAiScript.reply("Hello there", ", my good friend", ". How are", " you today?"));
        WsTestClient client = stream("Hi!", "&language=en_US");

        JsonNode streaming = client.next("status");
        assertThat(streaming.get("status").asText()).isEqualTo("streaming");
        assertThat(streaming.get("message").asText()).isEqualTo("Starting LLM stream...");
        assertThat(streaming.get("conversation_id").asText()).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(streaming.get("voice").asText()).isEqualTo("espeak-ng:en-us");
        JsonNode complete = client.awaitEnd();

        String reply = "Hello there, my good friend. How are you today?";
        assertThat(complete.get("status").asText()).isEqualTo("complete");
        assertThat(complete.get("text").asText()).isEqualTo(reply);
        assertThat(client.received("token")).extracting(t -> t.get("token").asText())
                .containsExactly("Hello there", ", my good friend", ". How are", " you today?");
        assertThat(client.received("token").get(3).get("text").asText()).isEqualTo(reply);
        JsonNode metrics = complete.get("metrics");
        assertThat(metrics.get("tokens").asInt()).isEqualTo(4);
        assertThat(metrics.get("ttft_ms").isNumber()).isTrue();
        assertThat(metrics.get("first_audio_ms").isNumber()).isTrue();
        assertThat(metrics.get("total_ms").asLong()).isGreaterThanOrEqualTo(metrics.get("first_audio_ms").asLong());
        assertThat(metrics.has("tokens_per_s")).isTrue();
        assertThat(metrics.get("first_chunk_ms").asLong()).isLessThanOrEqualTo(metrics.get("first_audio_ms").asLong());
        assertThat(metrics.get("first_synthesis_ms").isNumber()).isTrue();
        assertThat(metrics.get("underruns").isInt()).isTrue();

        List<JsonNode> audio = client.received("audio_chunk");
        assertThat(audio).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < audio.size(); i++) {
            JsonNode chunk = audio.get(i);
            assertThat(chunk.get("index").asInt()).isEqualTo(i);
            assertThat(chunk.get("sample_rate").asInt()).isEqualTo(22050);
            byte[] wav = Base64.getDecoder().decode(chunk.get("audio").asText());
            assertValidWav(wav, 22050);
            assertThat(Wav.decode(wav).samples()).isNotEmpty();
        }
        assertThat(audio.get(0).get("text").asText()).isEqualTo("Hello there, my good friend.");
        assertThat(audio.get(audio.size() - 1).get("text").asText()).isEqualTo("How are you today?");
        assertThat(client.awaitClose()).isEqualTo(1000);

        RecordedRequest request = upstream.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
        assertThat(body.get("messages").toString())
                .isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi!\"}]");
    }

    @Test
    void aConversationContinuesAcrossTwoConnections() throws Exception {
        upstream.enqueue(OpenAiScript.reply("Nice to meet you, Ada."));
        upstream.enqueue(OpenAiScript.reply("Your name is Ada."));
        WsTestClient first = stream("My name is Ada.", "");
        String id = first.next("status").get("conversation_id").asText();
        assertThat(first.awaitEnd().get("status").asText()).isEqualTo("complete");
        first.awaitClose();

        WsTestClient second = stream("What is my name?", "&conversation_id=" + id);
        assertThat(second.next("status").get("conversation_id").asText()).isEqualTo(id);
        assertThat(second.awaitEnd().get("text").asText()).isEqualTo("Your name is Ada.");

        upstream.takeRequest();
        JsonNode messages = JSON.readTree(upstream.takeRequest().getBody().utf8()).get("messages");
        assertThat(messages.toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"My name is Ada.\"},"
                + "{\"role\":\"assistant\",\"content\":\"Nice to meet you, Ada.\"},"
                + "{\"role\":\"user\",\"content\":\"What is my name?\"}]");
        assertThat(Files.exists(dir.resolve("data/conversations/" + id + ".json"))).isTrue();
    }

    @Test
    void aLongReplyIsSpokenInSeveralChunksInTextOrder() throws Exception {
        String[] sentences = {"The first sentence is about the sea. ", "The second one is about the sky. ",
            "A third talks about mountains and rivers. ", "The fourth mentions Dr. Smith, who measured 3.14 meters. ",
            "Number five is short. ", "Finally, the sixth sentence ends the reply."};
        upstream.enqueue(OpenAiScript.reply(sentences));
        WsTestClient client = stream("Tell me a long story", "");
        assertThat(client.awaitEnd().get("status").asText()).isEqualTo("complete");

        List<JsonNode> audio = client.received("audio_chunk");
        assertThat(audio).hasSizeGreaterThanOrEqualTo(4);
        StringBuilder spoken = new StringBuilder();
        for (int i = 0; i < audio.size(); i++) {
            assertThat(audio.get(i).get("index").asInt()).isEqualTo(i);
            spoken.append(audio.get(i).get("text").asText()).append(' ');
        }
        assertThat(spoken.toString().strip()).isEqualTo(String.join("", sentences).strip());
        assertThat(audio).noneMatch(a -> a.get("text").asText().endsWith("Dr."));
    }

    @Test
    void aMissingMessageIsAnError400() throws Exception {
        WsTestClient client = WsTestClient.connect(port, "language=en_US");
        JsonNode error = client.next("error");
        assertThat(error.get("code").asInt()).isEqualTo(400);
        assertThat(error.get("error").asText()).contains("message");
        assertThat(error.get("fatal").asBoolean()).isTrue();
        assertThat(client.awaitClose()).isEqualTo(1000);
        assertThat(upstream.getRequestCount()).isZero();
    }

    @Test
    void badParametersAreRefusedWithTheirCodes() throws Exception {
        assertError(stream("x".repeat(8001), ""), 413, "8000");
        assertError(stream("hi", "&language=xx_YY"), 400, "en_US");
        assertError(stream("hi", "&language=english"), 400, "must look like");
        assertError(stream("hi", "&voice=..%2F..%2Fsecrets"), 400, "voice id");
        assertError(stream("hi", "&voice=espeak-ng:en-uss"), 404, "espeak-ng:en-us");
        assertError(stream("hi", "&conversation_id=bad%2Fid"), 400, "conversation_id");
        assertError(stream("hi", "&rate=9"), 400, "rate");
        assertThat(upstream.getRequestCount()).isZero();
    }

    private static void assertError(WsTestClient client, int code, String mention) throws Exception {
        JsonNode error = client.next("error");
        assertThat(error.get("code").asInt()).isEqualTo(code);
        assertThat(error.get("error").asText()).contains(mention);
        assertThat(client.awaitClose()).isEqualTo(1000);
    }

    @Test
    void upstreamErrorsReachTheClientWithoutTheKey() throws Exception {
        upstream.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}").build());
        WsTestClient client = stream("hi", "");
        JsonNode error = client.awaitEnd();
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("code").asInt()).isEqualTo(401);
        assertThat(error.get("error").asText()).contains("API key").doesNotContain(KEY);
        assertThat(client.awaitClose()).isEqualTo(1000);
    }

    @Test
    void cancelStopsTheUpstreamRequestAndAnswersCancelled() throws Exception {
        upstream.enqueue(OpenAiScript.slowReply("Once", " upon", " a", " time", " there", " lived", " a",
                " very", " patient", " dragon", " who", " waited."));
        WsTestClient client = stream("Tell me a story", "&conversation_id=story");
        client.next("status");
        client.next("token");
        client.send("{\"type\":\"cancel\"}");

        JsonNode cancelled = client.awaitEnd();
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("text").asText()).startsWith("Once").isNotEqualTo(
                "Once upon a time there lived a very patient dragon who waited.");
        assertThat(client.awaitClose()).isEqualTo(1000);
        assertThat(canceled.poll(10, TimeUnit.SECONDS)).isEqualTo(upstream.url("/v1/chat/completions").toString());
        StoredMessage reply = parley.conversations().find("story").orElseThrow().messages().get(1);
        assertThat(reply.interrupted()).isTrue();
        assertThat(reply.content()).isEqualTo(cancelled.get("text").asText());
    }

    @Test
    void aClientThatGoesAwayCancelsTheUpstreamRequest() throws Exception {
        upstream.enqueue(OpenAiScript.slowReply("Counting", " one", " two", " three", " four", " five", " six",
                " seven", " eight", " nine", " ten."));
        WsTestClient client = stream("Count slowly", "");
        client.next("status");
        client.next("token");
        String id = client.received("status").get(0).get("conversation_id").asText();
        client.abort();
        assertThat(canceled.poll(10, TimeUnit.SECONDS)).isEqualTo(upstream.url("/v1/chat/completions").toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (parley.conversations().find(id).map(c -> c.messages().size()).orElse(0) < 2) {
            assertThat(System.nanoTime()).as("reply stored").isLessThan(deadline);
            Thread.sleep(20);
        }
        StoredMessage reply = parley.conversations().find(id).orElseThrow().messages().get(1);
        assertThat(reply.interrupted()).isTrue();
        assertThat(reply.content()).startsWith("Counting").isNotEqualTo("Counting one two three four five six seven eight nine ten.");
    }

    @Test
    void aSecondStreamOnABusyConversationGets409() throws Exception {
        upstream.enqueue(OpenAiScript.slowReply("A", " slow", " answer", " that", " takes", " a", " while."));
        WsTestClient first = stream("first", "&conversation_id=busy");
        first.next("status");
        WsTestClient second = stream("second", "&conversation_id=busy");
        assertError(second, 409, "busy");
        first.send("{\"type\":\"cancel\"}");
        assertThat(first.awaitEnd().get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void fiftyConcurrentStreamsAllComplete() throws Exception {
        CountDownLatch allUpstream = new CountDownLatch(50);
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                allUpstream.countDown();
                // No answer until all fifty calls are open at once, which OkHttp's default of 5 per host
                // would prevent; the wait only guards against a hang, failing the queued streams.
                if (!allUpstream.await(30, TimeUnit.SECONDS)) {
                    return new MockResponse.Builder().code(400).body("not all streams reached the provider").build();
                }
                // Trickled, so all fifty are streaming at the same time.
                return OpenAiScript.slowReply("Sure, here you go.", " This is one reply among many.");
            }
        });
        List<WsTestClient> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            clients.add(stream("question " + i, ""));
        }
        Set<String> ids = new HashSet<>();
        for (WsTestClient client : clients) {
            ids.add(client.next("status").get("conversation_id").asText());
            JsonNode end = client.awaitEnd();
            assertThat(end.get("status").asText()).isEqualTo("complete");
            assertThat(end.get("text").asText()).isEqualTo("Sure, here you go. This is one reply among many.");
            assertThat(client.received("audio_chunk")).extracting(a -> a.get("index").asInt()).containsExactly(0, 1);
            assertThat(client.awaitClose()).isEqualTo(1000);
        }
        assertThat(ids).hasSize(50);
        assertThat(upstream.getRequestCount()).isEqualTo(50);
    }

    @Test
    void streamsBeyondTheLimitAreRefusedWith503() throws Exception {
        Parley small = Parley.create(TestConfig.openAi(dir.resolve("small"), upstream.url("/v1").toString(),
                Map.of("PARLEY_MAX_REPLIES", "2")));
        try {
            int smallPort = small.startServer().port();
            upstream.enqueue(OpenAiScript.slowReply("One", " two", " three", " four."));
            upstream.enqueue(OpenAiScript.slowReply("One", " two", " three", " four."));
            WsTestClient first = WsTestClient.connect(smallPort, "message=a");
            WsTestClient second = WsTestClient.connect(smallPort, "message=b");
            first.next("status");
            second.next("status");
            assertError(WsTestClient.connect(smallPort, "message=c"), 503, "busy");
            first.send("{\"type\":\"cancel\"}");
            second.send("{\"type\":\"cancel\"}");
            assertThat(first.awaitEnd().get("status").asText()).isEqualTo("cancelled");
            assertThat(second.awaitEnd().get("status").asText()).isEqualTo("cancelled");
        } finally {
            small.close();
        }
    }

    @Test
    void withoutEspeakNgTokensStillStreamAndHealthSaysWhy() throws Exception {
        Parley mute = Parley.create(TestConfig.openAi(dir.resolve("mute"), upstream.url("/v1").toString(),
                Map.of("PARLEY_ESPEAK_NG", dir.resolve("no-such-espeak-ng").toString())));
        try {
            int mutePort = mute.startServer().port();
            upstream.enqueue(OpenAiScript.reply("Text only.", " No voice today."));
            WsTestClient client = WsTestClient.connect(mutePort, "message=hi&language=en_US");
            assertThat(client.next("status").get("voice").isNull()).isTrue();
            JsonNode end = client.awaitEnd();
            assertThat(end.get("status").asText()).isEqualTo("complete");
            assertThat(end.get("text").asText()).isEqualTo("Text only. No voice today.");
            assertThat(end.get("metrics").get("first_audio_ms").isNull()).isTrue();
            assertThat(end.get("metrics").get("first_synthesis_ms").isNull()).isTrue();
            assertThat(end.get("metrics").get("first_chunk_ms").isNumber()).isTrue();
            assertThat(client.received("token")).hasSize(2);
            assertThat(client.received("audio_chunk")).isEmpty();

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + mutePort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(health.body());
            assertThat(body.get("status").asText()).isEqualTo("degraded");
            assertThat(body.get("tts").get("engine").asText()).isEqualTo("none");
            assertThat(body.get("tts").get("problem").asText()).contains("espeak-ng");
        } finally {
            mute.close();
        }
    }

    @Test
    void aPiperVoiceAddedWhileRunningSpeaksAtItsOwnRate() throws Exception {
        installTestVoice();
        upstream.enqueue(OpenAiScript.reply("Hello from the test voice.", " It speaks at sixteen kilohertz."));
        WsTestClient client = stream("Hi", "&voice=en_US-test-x_low");
        assertThat(client.next("status").get("voice").asText()).isEqualTo("en_US-test-x_low");
        assertThat(client.awaitEnd().get("status").asText()).isEqualTo("complete");
        List<JsonNode> audio = client.received("audio_chunk");
        assertThat(audio).hasSize(2);
        for (JsonNode chunk : audio) {
            assertThat(chunk.get("sample_rate").asInt()).isEqualTo(16000);
            assertValidWav(Base64.getDecoder().decode(chunk.get("audio").asText()), 16000);
        }
    }

    @Test
    void theLanguageChoosesTheInstalledPiperVoice() throws Exception {
        installTestVoice();
        upstream.enqueue(OpenAiScript.reply("Hello."));
        WsTestClient client = stream("Hi", "&language=en-US");
        assertThat(client.next("status").get("voice").asText()).isEqualTo("en_US-test-x_low");
        client.awaitEnd();
    }

    @Test
    void healthAndVoicesAnswerPlainHttp() throws Exception {
        installTestVoice();
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("provider").asText()).isEqualTo("openai");
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.get("tts").get("engine").asText()).isEqualTo("piper");
        assertThat(body.get("voices").asInt()).isGreaterThan(100);
        assertThat(body.get("defaults").get("voice").asText()).isEqualTo("en_US-test-x_low");
        assertThat(body.get("defaults").get("rate").asDouble()).isEqualTo(1.0);
        assertThat(health.body()).doesNotContain(KEY);

        HttpResponse<String> voices = get("/voices");
        assertThat(voices.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(voices.body());
        assertThat(list.isArray()).isTrue();
        JsonNode test = null;
        for (JsonNode voice : list) {
            if (voice.get("id").asText().equals("en_US-test-x_low")) {
                test = voice;
            }
        }
        assertThat(test).isNotNull();
        assertThat(test.get("engine").asText()).isEqualTo("piper");
        assertThat(test.get("sample_rate").asInt()).isEqualTo(16000);
        assertThat(test.get("language").asText()).isEqualTo("en_US");
        assertThat(test.get("available").asBoolean()).isTrue();
    }

    @Test
    void aPlainGetOnTheStreamPathIs426AndUnknownPathsAre404() throws Exception {
        HttpResponse<String> plain = get("/ws/chat/stream?message=hi");
        assertThat(plain.statusCode()).isEqualTo(426);
        assertThat(plain.body()).contains("WebSocket").endsWith("\n");
        assertThat(plain.body().strip()).doesNotContain("\n");
        HttpResponse<String> missing = get("/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/health");
        assertThat(upstream.getRequestCount()).isZero();
    }

    @Test
    void aWebPageFromAnotherOriginIsRefused() {
        WsTestClient ignored = new WsTestClient();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", "https://evil.example")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat/stream?message=hi"), ignored)
                .join()))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
        assertThat(upstream.getRequestCount()).isZero();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A canonical 44-byte header whose sizes match the data that follows. */
    private static void assertValidWav(byte[] wav, int sampleRate) {
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
        assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        assertThat(header.getShort(22)).isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(sampleRate);
        assertThat(header.getShort(34)).isEqualTo((short) 16);
        assertThat(new String(wav, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
        assertThat(header.getInt(40)).isEqualTo(wav.length - 44);
        Pcm pcm = Wav.decode(wav);
        assertThat(pcm.sampleRate()).isEqualTo(sampleRate);
    }
}
