package dev.parley.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One benchmark client: a real WebSocket client that streams one turn and notes, on
 * {@link System#nanoTime()}'s clock, when each message arrived, taken before the message is parsed.
 * It finds its turn's send times in the provider's {@link SendLog} by the number stamped in the
 * first token, and checks every token against the script, so a token is never matched with
 * another's send time. Callbacks run on the client's own read thread; read the figures after
 * {@link #awaitEnd} returned true.
 */
final class BenchClient extends WebSocketClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How the server's audio messages begin: it writes {@code type} first. */
    private static final String AUDIO_PREFIX = "{\"type\":\"audio_chunk\"";

    private final SendLog log;
    private final ReplyScript script;
    private final int firstChunkToken;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch firstToken = new CountDownLatch(1);
    private final List<Long> relayNanos = new ArrayList<>();
    private long connectStart;
    private long firstTokenArrival;
    private int turn = -1;
    private long firstAudioArrival;
    private int tokens;
    private JsonNode metrics;
    private String problem;

    /**
     * @param log where the provider noted its send times
     * @param script the reply the provider streams
     */
    BenchClient(URI stream, SendLog log, ReplyScript script) {
        super(stream);
        this.log = log;
        this.script = script;
        this.firstChunkToken = script.firstChunkToken();
        setTcpNoDelay(true);
    }

    /** Starts connecting and returns at once; the time to first token counts from here. */
    void begin() {
        connectStart = System.nanoTime();
        connect();
    }

    /** Waits until the first token arrived or the turn ended. */
    void awaitFirstToken(long deadlineNanos) throws InterruptedException {
        firstToken.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Waits for the end of the turn; true when it completed normally. */
    boolean awaitEnd(long deadlineNanos) throws InterruptedException {
        return ended.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS) && problem == null;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        long arrival = System.nanoTime();
        if (message.startsWith(AUDIO_PREFIX)) {
            // Parsing a few hundred KB of base64 would only load the CPU that Parley shares with us.
            onAudio(arrival);
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            fail("unreadable message: " + e.getOriginalMessage());
            return;
        }
        switch (node.path("type").asText()) {
            case "token" -> onToken(node.path("token").asText(), arrival);
            case "audio_chunk" -> onAudio(arrival);
            case "status" -> {
                if (node.path("status").asText().equals("complete")) {
                    metrics = node.path("metrics");
                }
            }
            case "error" -> fail("error " + node.path("code").asInt() + ": " + node.path("error").asText());
            default -> { }
        }
    }

    private void onAudio(long arrival) {
        if (firstAudioArrival == 0) {
            firstAudioArrival = arrival;
        }
    }

    private void onToken(String token, long arrival) {
        if (tokens == 0) {
            turn = TokenStamp.read(token);
            firstTokenArrival = arrival;
            firstToken.countDown();
        }
        String expected = tokens < script.tokens().size() ? script.tokens().get(tokens) : null;
        if (turn < 0 || !TokenStamp.strip(token).equals(expected)) {
            fail("token " + tokens + " is '" + token + "', the script says '" + expected + "'");
            return;
        }
        relayNanos.add(arrival - log.sent(turn, tokens));
        tokens++;
    }

    private void fail(String why) {
        if (problem == null) {
            problem = why;
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        if (metrics == null) {
            fail("closed with " + code + " " + reason + " before complete");
        }
        firstToken.countDown();
        ended.countDown();
    }

    @Override
    public void onError(Exception error) {
        fail(error.toString());
    }

    /** Why the turn did not complete, or {@code null}. */
    String problem() {
        return problem;
    }

    /** From each token being written by the provider to its arrival here. */
    List<Long> relayNanos() {
        return relayNanos;
    }

    /**
     * Time to first token through Parley (from starting to connect) minus the provider's own (from
     * the request arriving to the token being written): what Parley adds.
     */
    long addedFirstTokenNanos() {
        return firstTokenArrival - connectStart - (log.sent(turn, 0) - log.received(turn));
    }

    /**
     * From the provider writing the token that completed the first clause to the first audio chunk
     * arriving; -1 without audio.
     */
    long firstAudioNanos() {
        return firstAudioArrival == 0 || firstChunkToken >= tokens ? -1
                : firstAudioArrival - log.sent(turn, firstChunkToken);
    }

    /** The {@code metrics} of the {@code complete} status. */
    JsonNode metrics() {
        return metrics;
    }
}
