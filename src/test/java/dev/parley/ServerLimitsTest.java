package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.UnixOperatingSystemMXBean;
import dev.parley.server.ParleyServer;
import dev.parley.testing.InstantOpenAi;
import dev.parley.testing.OpenAiScript;
import dev.parley.testing.TestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's resource limits under hostile input and load, against the real server and the real
 * OpenAI provider on MockWebServer. Speech is off (no espeak-ng) unless a test needs audio, so
 * the load tests measure the server, not synthesis.
 */
class ServerLimitsTest {

    @StartStop
    private final MockWebServer upstream = new MockWebServer();

    @TempDir
    Path dir;

    private final BlockingQueue<String> canceled = new LinkedBlockingQueue<>();
    private final List<Parley> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(Parley::close);
    }

    /** A text-only app with these settings, answered by {@link #upstream}; returns its server. */
    private ParleyServer start(Map<String, String> settings) throws Exception {
        return start(settings, upstream.url("/v1").toString());
    }

    private ParleyServer start(Map<String, String> settings, String upstreamUrl) throws Exception {
        Map<String, String> env = new HashMap<>(settings);
        env.put("PARLEY_ESPEAK_NG", dir.resolve("no-espeak-ng").toString());
        OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                canceled.add(call.request().url().toString());
            }
        }).build();
        Parley parley = Parley.create(TestConfig.openAi(dir.resolve("app" + apps.size()), upstreamUrl, env), http);
        apps.add(parley);
        return parley.startServer();
    }

    /** A reply that lasts about a second: long enough for a test to act while it streams. */
    private static MockResponse trickle(String... tokens) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(OpenAiScript.body(tokens)).throttleBody(256, 100, TimeUnit.MILLISECONDS).build();
    }

    private void answerEveryRequest(MockResponse response) {
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        });
    }

    @Test
    void aFrameOver64KiBClosesTheConnectionWith1009() throws Exception {
        int port = start(Map.of()).port();
        upstream.enqueue(trickle("A", " slow", " reply", " that", " is", " still", " going."));
        WsTestClient client = WsTestClient.connect(port, "message=hi");
        client.next("status");
        client.send("x".repeat(65 * 1024));
        assertThat(client.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        assertThat(canceled.poll(10, TimeUnit.SECONDS)).as("upstream call cancelled").isNotNull();
    }

    @Test
    void configuredMessageAndFrameLimitsAreEnforced() throws Exception {
        int port = start(Map.of("PARLEY_MAX_MESSAGE_CHARS", "10", "PARLEY_MAX_FRAME_KB", "8")).port();
        WsTestClient tooLong = WsTestClient.connect(port, "message=" + "x".repeat(11));
        JsonNode error = tooLong.next("error");
        assertThat(error.get("code").asInt()).isEqualTo(413);
        assertThat(error.get("error").asText()).contains("PARLEY_MAX_MESSAGE_CHARS");
        assertThat(tooLong.awaitClose()).isEqualTo(1000);

        upstream.enqueue(trickle("A", " slow", " reply", " that", " is", " still", " going."));
        WsTestClient client = WsTestClient.connect(port, "message=" + "x".repeat(10));
        client.next("status");
        client.send("x".repeat(9 * 1024));
        assertThat(client.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        assertThat(canceled.poll(10, TimeUnit.SECONDS)).as("upstream call cancelled").isNotNull();
    }

    @Test
    void junkFramesMidReplyAreIgnoredAndTheReplyCompletes() throws Exception {
        int port = start(Map.of()).port();
        upstream.enqueue(trickle("One", " two", " three", " four", " five."));
        WsTestClient client = WsTestClient.connect(port, "message=count");
        client.next("status");
        client.next("token");
        for (String junk : new String[] {"hello", "{", "[1,2]", "null", "{\"type\":\"dance\"}", "{\"type\":42}",
            "{\"type\":\"cancel\"", "x".repeat(60_000)}) {
            client.send(junk);
        }
        client.sendBinary(new byte[] {0, 1, 2, (byte) 0xff});
        JsonNode end = client.awaitEnd();
        assertThat(end.get("status").asText()).isEqualTo("complete");
        assertThat(end.get("text").asText()).isEqualTo("One two three four five.");
        assertThat(client.awaitClose()).isEqualTo(1000);
    }

    @Test
    void threeHundredHalfOpenSocketsCannotStarveARealClient() throws Exception {
        // A deadline far away: only making room for new sockets can serve the real client in time.
        ParleyServer server = start(Map.of("PARLEY_HANDSHAKE_TIMEOUT", "600"));
        answerEveryRequest(OpenAiScript.reply("Still", " here."));
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
                socket.getOutputStream().write("GET /hea".getBytes(StandardCharsets.US_ASCII));
                idle.add(socket);
            }
            awaitTrue(() -> server.sockets() == 256, "the server holds at most 256 sockets");

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            WsTestClient client = WsTestClient.connect(server.port(), "message=hi");
            assertThat(client.awaitEnd().get("text").asText()).isEqualTo("Still here.");
            assertThat(server.sockets()).isLessThanOrEqualTo(256);
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
        awaitTrue(() -> server.sockets() == 0, "closed sockets are no longer counted");
    }

    @Test
    void twoHundredSimultaneousStreamsCompleteOrGetA503() throws Exception {
        int port = start(Map.of()).port();
        answerEveryRequest(trickle("Sure,", " here", " you", " go."));
        List<JsonNode> ends = runAtOnce(port, 200);
        long completed = ends.stream().filter(e -> e.path("status").asText().equals("complete")).count();
        long busy = ends.stream().filter(e -> e.path("code").asInt() == 503).count();
        assertThat(completed + busy).as("every stream completes or is refused as busy").isEqualTo(200);
        assertThat(completed).isGreaterThanOrEqualTo(16);
        assertThat(busy).isGreaterThanOrEqualTo(100);
        assertThat(ends).filteredOn(e -> e.path("code").asInt() == 503)
                .allSatisfy(e -> assertThat(e.get("error").asText()).startsWith("busy, retry"));
    }

    @Test
    void twoHundredSimultaneousStreamsAllCompleteWhenTheLimitAllows() throws Exception {
        int port = start(Map.of("PARLEY_MAX_REPLIES", "200")).port();
        answerEveryRequest(trickle("Sure,", " here", " you", " go."));
        List<JsonNode> ends = runAtOnce(port, 200);
        assertThat(ends).allSatisfy(e -> assertThat(e.path("status").asText()).as(e.toString()).isEqualTo("complete"));
    }

    /**
     * Java-WebSocket still opens a connection whose request it read before the client reset it;
     * without care that stream would hold its reply slot forever.
     */
    @Test
    void clientsThatLeaveAtOnceGiveTheirReplySlotsBack() throws Exception {
        ParleyServer server = start(Map.of("PARLEY_MAX_REPLIES", "2"));
        answerEveryRequest(trickle("Back", " again."));
        for (int i = 0; i < 50; i++) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(RawClient.upgrade("/ws/chat/stream?message=bye", "127.0.0.1", "")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.setSoLinger(true, 0);
            }
        }
        awaitTrue(() -> server.connections() == 0, "every stream ended");
        List<JsonNode> ends = runAtOnce(server.port(), 2);
        assertThat(ends).allSatisfy(e -> assertThat(e.path("status").asText()).as(e.toString()).isEqualTo("complete"));
    }

    @Test
    void aClientThatStopsReadingFreesItsReplySlotWhenTheReplyEndsAndIsDroppedSoonAfter() throws Exception {
        ParleyServer server = start(Map.of("PARLEY_MAX_REPLIES", "1", "PARLEY_SEND_QUEUE_KB", "65536",
                "PARLEY_HANDSHAKE_TIMEOUT", "2"));
        // About 13 MB of messages: more than the socket buffers take (Linux: at most 4 MiB for
        // sending), less than the send queue allows.
        String[] tokens = new String[80];
        java.util.Arrays.fill(tokens, " " + "x".repeat(4095));
        upstream.enqueue(OpenAiScript.reply(tokens));
        upstream.enqueue(OpenAiScript.reply("Served."));
        try (Socket silent = new Socket()) {
            silent.setReceiveBufferSize(4096);
            silent.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            silent.getOutputStream().write(RawClient.upgrade("/ws/chat/stream?message=hi", "127.0.0.1", "")
                    .getBytes(StandardCharsets.US_ASCII));
            awaitTrue(() -> upstream.getRequestCount() == 1, "the first reply started");
            // Its reply ends with most of it still queued and the socket open; the next stream is served.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            JsonNode end;
            do {
                end = WsTestClient.connect(server.port(), "message=again").awaitEnd();
            } while (end.path("code").asInt() == 503 && System.nanoTime() < deadline);
            assertThat(end.path("text").asText()).as(end.toString()).isEqualTo("Served.");
            awaitTrue(() -> server.sockets() == 0, "the silent client is dropped once the close takes too long");
        }
    }

    /** Opens {@code count} streams at once and returns the terminal message of each. */
    private static List<JsonNode> runAtOnce(int port, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<WsTestClient>> clients = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String query = "message=question+" + i;
                clients.add(pool.submit(() -> WsTestClient.connect(port, query)));
            }
            List<JsonNode> ends = new ArrayList<>();
            for (Future<WsTestClient> client : clients) {
                WsTestClient connected = client.get(30, TimeUnit.SECONDS);
                ends.add(connected.awaitEnd());
                assertThat(connected.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            }
            return ends;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClientThatNeverReadsIsDroppedAndItsReplyCancelled() throws Exception {
        ParleyServer server = start(Map.of("PARLEY_SEND_QUEUE_KB", "64"));
        // Every token message carries the reply so far, so 2,000 tokens of 200 characters would be
        // hundreds of megabytes: far more than the socket buffers between server and client hold.
        String[] tokens = new String[2000];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = " " + "word".repeat(50).substring(1) + i % 10;
        }
        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(OpenAiScript.body(tokens)).throttleBody(32 * 1024, 50, TimeUnit.MILLISECONDS).build());
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.getOutputStream().write(RawClient.upgrade("/ws/chat/stream?message=talk", "127.0.0.1", "")
                    .getBytes(StandardCharsets.US_ASCII));

            assertThat(canceled.poll(30, TimeUnit.SECONDS)).as("upstream call cancelled")
                    .isEqualTo(upstream.url("/v1/chat/completions").toString());
            awaitTrue(() -> server.connections() == 0, "the stream is closed");
            assertThat(server.peakQueuedBytes()).isPositive().isLessThanOrEqualTo(64 * 1024);
            assertThat(drain(socket)).as("bytes the client could still read before the end").isPositive();
        }
    }

    @Test
    void manyClientsThatNeverReadHoldAtMostTheirLimitsAndNothingOnceDropped() throws Exception {
        int clients = 8;
        // Large enough, with a slow upstream, that each queue grows for a while before its client
        // is dropped, so the sampling below sees the queues it bounds.
        int limit = 512 * 1024;
        ParleyServer server = start(Map.of("PARLEY_SEND_QUEUE_KB", String.valueOf(limit / 1024)));
        String[] tokens = new String[2000];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = " " + "word".repeat(50).substring(1) + i % 10;
        }
        answerEveryRequest(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(OpenAiScript.body(tokens)).throttleBody(4 * 1024, 50, TimeUnit.MILLISECONDS).build());
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
                socket.getOutputStream().write(RawClient.upgrade("/ws/chat/stream?message=talk", "127.0.0.1", "")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            long mostQueued = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (canceled.size() < clients) {
                mostQueued = Math.max(mostQueued, server.queuedBytes());
                assertThat(System.nanoTime()).as("every reply cancelled (hang guard)").isLessThan(deadline);
                Thread.sleep(5);
            }
            awaitTrue(() -> server.connections() == 0 && server.sockets() == 0, "every silent client dropped");
            assertThat(mostQueued).as("bytes queued for all silent clients together")
                    .isPositive().isLessThanOrEqualTo((long) clients * limit + 64 * 1024);
            assertThat(server.queuedBytes()).isZero();
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Reads until the server's close; the count of bytes read. */
    private static long drain(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (java.net.SocketException reset) {
            // the server dropped the socket with bytes unread: a reset is as good as an end here
        }
        return total;
    }

    @Test
    void aThousandSequentialRepliesLeaveNoThreadsOrFileDescriptorsBehind() throws Exception {
        try (InstantOpenAi instant = new InstantOpenAi("Hi.")) {
            ParleyServer server = start(Map.of(), instant.baseUrl());
            UnixOperatingSystemMXBean os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            oneAfterAnother(server.port(), 50);
            awaitTrue(() -> server.sockets() == 0, "every socket closed");
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            long serverThreadsBefore = serverThreads();
            long descriptorsBefore = os.getOpenFileDescriptorCount();

            oneAfterAnother(server.port(), 1_000);

            awaitTrue(() -> server.sockets() == 0, "every socket closed");
            // A leak of one per reply would be a thousand; the slack is for pools shared with other
            // tests in this JVM (HTTP clients, MockWebServer) that grow and shrink on their own.
            awaitTrue(() -> os.getOpenFileDescriptorCount() <= descriptorsBefore + 20,
                    "open file descriptors back near " + descriptorsBefore);
            awaitTrue(() -> serverThreads() <= serverThreadsBefore, "server threads back to " + serverThreadsBefore);
            awaitTrue(() -> ManagementFactory.getThreadMXBean().getThreadCount() <= threadsBefore + 25,
                    "live threads back near " + threadsBefore);
            assertThat(instant.requestCount()).isEqualTo(1_050);
        }
    }

    private static void oneAfterAnother(int port, int replies) throws Exception {
        for (int i = 0; i < replies; i++) {
            WsTestClient client = WsTestClient.connect(port, "message=hello");
            assertThat(client.awaitEnd().get("status").asText()).isEqualTo("complete");
            assertThat(client.awaitClose()).isEqualTo(1000);
        }
    }

    /** Live threads of the server: its own pools and Java-WebSocket's selector and workers. */
    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("parley-ws") || name.startsWith("parley-connection")
                        || name.startsWith("WebSocket"))
                .count();
    }

    /** Polls for up to 10 s; a hang guard, not a timing assertion. */
    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
