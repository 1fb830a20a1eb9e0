package dev.parley.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.concurrent.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An OpenAI-compatible streaming chat server inside the benchmark, so it needs no network: every
 * {@code POST /v1/chat/completions} is answered with the {@link ReplyScript} as server-sent events,
 * the first token after a fixed delay (the provider's own time to first token), then one token
 * every {@code 1/rate} seconds on an absolute schedule, so a late write does not delay the rest.
 * The {@link SendLog} notes when each request arrived and each token was written; the first token
 * of a turn carries the turn's number as a {@link TokenStamp}.
 *
 * <p>One thread per open stream, as a real provider's connection would have. Start with
 * {@link #start}; {@link #close} stops it. The rate may be changed between runs.
 */
final class ScriptedOpenAi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService streams = Executors.newCachedThreadPool(DaemonThreads.named("bench-provider"));
    private final ReplyScript script;
    private final SendLog log = new SendLog();
    private final long firstTokenDelayNanos;
    private volatile double tokensPerSecond;

    private ScriptedOpenAi(HttpServer server, ReplyScript script, long firstTokenDelayNanos, double tokensPerSecond) {
        this.server = server;
        this.script = script;
        this.firstTokenDelayNanos = firstTokenDelayNanos;
        this.tokensPerSecond = tokensPerSecond;
    }

    /** Listens on a free loopback port. */
    static ScriptedOpenAi start(ReplyScript script, long firstTokenDelayMillis, double tokensPerSecond)
            throws IOException {
        // Tokens are tiny writes: without this the JDK server's sockets would hold them back (Nagle).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        ScriptedOpenAi provider = new ScriptedOpenAi(server, script,
                TimeUnit.MILLISECONDS.toNanos(firstTokenDelayMillis), tokensPerSecond);
        server.createContext("/v1/chat/completions", provider::answer);
        server.setExecutor(provider.streams);
        server.start();
        return provider;
    }

    /** The base URL to give Parley as {@code OPENAI_BASE_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    ReplyScript script() {
        return script;
    }

    SendLog log() {
        return log;
    }

    void tokensPerSecond(double rate) {
        this.tokensPerSecond = rate;
    }

    private void answer(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            long interval = Math.round(1e9 / tokensPerSecond);
            long firstAt = received + firstTokenDelayNanos;
            write(body, "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                    + "\"finish_reason\":null}]}\n\n");
            List<String> tokens = script.tokens();
            int turn = log.begin(received, tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                parkUntil(firstAt + i * interval);
                String token = i == 0 ? TokenStamp.stamp(tokens.get(i), turn) : tokens.get(i);
                log.sent(turn, i, System.nanoTime());
                write(body, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(token)
                        + "},\"finish_reason\":null}]}\n\n");
            }
            write(body, "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                    + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":" + tokens.size()
                    + ",\"total_tokens\":" + (20 + tokens.size()) + "}}\n\ndata: [DONE]\n\n");
        } catch (IOException e) {
            // The client went away (a cancelled turn): nothing to answer any more.
        }
    }

    private static void write(OutputStream body, String event) throws IOException {
        body.write(event.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        streams.shutdownNow();
    }
}
