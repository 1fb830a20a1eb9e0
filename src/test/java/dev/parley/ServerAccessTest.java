package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.ServerOptions;
import dev.parley.testing.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may use the server: the handshake matrix of origins, hosts and tokens, against the real
 * server on a free port. One server is bound to loopback as by default; the other to every
 * interface with a token, as when exposed on a network (tests only connect to it through
 * 127.0.0.1). No test reaches an LLM: streams without a message are refused with 400 right after
 * the upgrade, which is enough to see the upgrade succeed.
 */
class ServerAccessTest {

    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Parley loopback;
    private static Parley exposed;

    @BeforeAll
    static void start() throws Exception {
        loopback = Parley.create(TestConfig.openAi(dir.resolve("loopback"), "http://127.0.0.1:9/v1",
                Map.of("PARLEY_ALLOWED_ORIGINS", "https://app.example.org, http://192.168.1.20:3000")));
        loopback.startServer();
        exposed = Parley.create(TestConfig.openAi(dir.resolve("exposed"), "http://127.0.0.1:9/v1",
                Map.of("PARLEY_HOST", "0.0.0.0", "PARLEY_TOKEN", TOKEN)));
        exposed.startServer();
    }

    @AfterAll
    static void stop() {
        loopback.close();
        exposed.close();
    }

    private static int port(Parley parley) {
        return parley.server().port();
    }

    @ParameterizedTest(name = "Origin {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "NONE                          | 101",
        "http://localhost:3000         | 101",
        "https://localhost             | 101",
        "http://127.0.0.1:8085         | 101",
        "http://[::1]:5173             | 101",
        "https://app.example.org       | 101",
        "http://192.168.1.20:3000      | 101",
        "null                          | 403",
        "http://localhost.evil.example | 403",
        "http://127.0.0.1.nip.io       | 403",
        "http://localhost@evil.example | 403",
        "https://evil.example          | 403",
        "http://app.example.org        | 403",
        "https://app.example.org:8443  | 403",
        "http://192.168.1.20:3001      | 403",
        "https://sub.app.example.org   | 403",
    })
    void browserOriginsAreCheckedExactlyBeforeTheUpgrade(String origin, int status) throws Exception {
        String header = origin == null ? "" : "Origin: " + origin + "\r\n";
        assertThat(RawClient.statusLine(port(loopback), RawClient.upgrade("/ws/chat/stream", "127.0.0.1", header)))
                .startsWith("HTTP/1.1 " + status + " ");
    }

    @ParameterizedTest(name = "Host {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:PORT          | 101 | 200",
        "localhost:PORT          | 101 | 200",
        "[::1]:PORT              | 101 | 200",
        "LocalHost               | 101 | 200",
        "evil.example:PORT       | 403 | 403",
        "127.0.0.1.nip.io:PORT   | 403 | 403",
        "localhost.evil.example  | 403 | 403",
    })
    void aLoopbackServerOnlyAnswersLoopbackHostNames(String host, int webSocket, int health) throws Exception {
        String named = host.replace("PORT", String.valueOf(port(loopback)));
        assertThat(RawClient.statusLine(port(loopback), RawClient.upgrade("/ws/chat/stream", named, "")))
                .startsWith("HTTP/1.1 " + webSocket + " ");
        assertThat(RawClient.statusLine(port(loopback), "GET /health HTTP/1.1\r\nHost: " + named + "\r\n\r\n"))
                .startsWith("HTTP/1.1 " + health + " ");
        assertThat(RawClient.statusLine(port(loopback), "GET /voices HTTP/1.1\r\nHost: " + named + "\r\n\r\n"))
                .startsWith("HTTP/1.1 " + health + " ");
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "no token          | /ws/chat/stream                                  | NONE                                       | 401",
        "query token       | /ws/chat/stream?token=test-token-0123456789abcdef | NONE                                       | 101",
        "bearer header     | /ws/chat/stream                                  | Bearer test-token-0123456789abcdef         | 101",
        "wrong token       | /ws/chat/stream?token=test-token-0123456789abcdeF | NONE                                       | 401",
        "wrong bearer      | /ws/chat/stream                                  | Bearer test-token                          | 401",
        "basic scheme      | /ws/chat/stream                                  | Basic test-token-0123456789abcdef          | 401",
    })
    void anExposedServerNeedsItsTokenForTheWebSocket(String name, String target, String authorization, int status)
            throws Exception {
        String header = authorization == null ? "" : "Authorization: " + authorization + "\r\n";
        assertThat(RawClient.statusLine(port(exposed), RawClient.upgrade(target, "my-laptop.local:8085", header)))
                .startsWith("HTTP/1.1 " + status + " ");
    }

    @Test
    void anExposedServerNeedsItsTokenForPlainHttpAndAnswersAnyHostName() throws Exception {
        for (String path : new String[] {"/health", "/voices", "/nope"}) {
            HttpResponse<String> refused = get(port(exposed), path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(refused.body()).doesNotContain(TOKEN);
        }
        assertThat(get(port(exposed), "/health?token=" + TOKEN, null).statusCode()).isEqualTo(200);
        HttpResponse<String> health = get(port(exposed), "/health", "Bearer " + TOKEN);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).doesNotContain(TOKEN);
        assertThat(RawClient.statusLine(port(exposed), "GET /health?token=" + TOKEN
                + " HTTP/1.1\r\nHost: parley.lan:8085\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aStreamWithTheTokenInItsQueryIsServed() throws Exception {
        WsTestClient client = WsTestClient.connect(port(exposed), "token=" + TOKEN);
        assertThat(client.next("error").get("code").asInt()).isEqualTo(400);
        assertThat(client.awaitClose()).isEqualTo(1000);
    }

    @Test
    void aBrowserWithTheTokenStillNeedsAnAllowedOrigin() {
        assertThatThrownBy(() -> HTTP.newWebSocketBuilder().header("Origin", "https://evil.example")
                .buildAsync(URI.create("ws://127.0.0.1:" + port(exposed) + "/ws/chat/stream?token=" + TOKEN),
                        new WsTestClient())
                .join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void aTokenSetOnLoopbackIsEnforcedToo() throws Exception {
        try (Parley guarded = Parley.create(TestConfig.openAi(dir.resolve("guarded"), "http://127.0.0.1:9/v1",
                Map.of("PARLEY_TOKEN", TOKEN)))) {
            int port = guarded.startServer().port();
            assertThat(get(port, "/health", null).statusCode()).isEqualTo(401);
            assertThat(get(port, "/health", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anExposedServerWithoutAConfiguredTokenGeneratesOne() throws Exception {
        try (Parley open = Parley.create(TestConfig.openAi(dir.resolve("open"), "http://127.0.0.1:9/v1",
                Map.of("PARLEY_HOST", "0.0.0.0")))) {
            int port = open.startServer().port();
            assertThat(get(port, "/health", null).statusCode()).isEqualTo(401);
        }
        assertThatThrownBy(() -> new ServerOptions("0.0.0.0", 0, Set.of(), null, 16, 256, Duration.ofSeconds(5),
                1 << 20, 1 << 14, 8_000, 1 << 16, "test")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("access token");
    }

    @Test
    void aFloodOfRefusedHostsOriginsAndTokensLogsOneShortLinePerHundred() throws Exception {
        String hostile = "evil\u0007" + "x".repeat(300) + ".example";
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger routes = Logger.getLogger("dev.parley.server.Routes");
        routes.addHandler(handler);
        try (Parley flooded = Parley.create(TestConfig.openAi(dir.resolve("flooded"), "http://127.0.0.1:9/v1",
                Map.of()))) {
            int port = flooded.startServer().port();
            for (int i = 0; i < 150; i++) {
                assertThat(RawClient.statusLine(port, "GET /health HTTP/1.1\r\nHost: " + hostile + "\r\n\r\n"))
                        .startsWith("HTTP/1.1 403 ");
                assertThat(RawClient.statusLine(port, RawClient.upgrade("/ws/chat/stream", "127.0.0.1",
                        "Origin: http://" + hostile + "\r\n"))).startsWith("HTTP/1.1 403 ");
            }
        }
        try (Parley locked = Parley.create(TestConfig.openAi(dir.resolve("locked"), "http://127.0.0.1:9/v1",
                Map.of("PARLEY_TOKEN", "s3cret-token-value")))) {
            int port = locked.startServer().port();
            for (int i = 0; i < 150; i++) {
                assertThat(RawClient.statusLine(port, "GET /health?token=guess" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
                        .startsWith("HTTP/1.1 401 ");
            }
        } finally {
            routes.removeHandler(handler);
        }
        List<LogRecord> hostsAndOrigins = warnings.stream()
                .filter(record -> !record.getMessage().contains("access token")).toList();
        assertThat(hostsAndOrigins).hasSize(4).allSatisfy(record -> assertThat(record.getMessage())
                .doesNotContain("\u0007", "x".repeat(41)).contains("evil?xxx"));
        assertThat(hostsAndOrigins).filteredOn(record -> record.getMessage().contains("host")).hasSize(2);
        assertThat(warnings).filteredOn(record -> record.getMessage().contains("access token")).hasSize(2)
                .allSatisfy(record -> assertThat(record.getMessage()).doesNotContain("guess", "s3cret"));
    }

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
    }
}
