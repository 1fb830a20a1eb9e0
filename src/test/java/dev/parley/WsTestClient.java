package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (the JDK's, an implementation independent of the server's) that records
 * every JSON message and the close code.
 */
final class WsTestClient implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private WebSocket socket;

    static WsTestClient connect(int port, String query) throws Exception {
        WsTestClient client = new WsTestClient();
        client.socket = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat/stream?" + query), client)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    /** The next message; fails after 10 s. */
    JsonNode next() throws InterruptedException {
        JsonNode message = messages.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a message within 10 s").isNotNull();
        received.add(message);
        return message;
    }

    /** The next message, which must have this type (and status, for status messages). */
    JsonNode next(String type) throws InterruptedException {
        JsonNode message = next();
        assertThat(message.path("type").asText()).as("type of %s", message).isEqualTo(type);
        return message;
    }

    /** Reads past other messages until one of this type, and returns it. */
    JsonNode awaitNext(String type) throws InterruptedException {
        while (true) {
            JsonNode message = next();
            if (message.path("type").asText().equals(type)) {
                return message;
            }
        }
    }

    /** Reads until a terminal message (complete, cancelled or an error not marked {@code fatal:false}) and returns it. */
    JsonNode awaitEnd() throws InterruptedException {
        while (true) {
            JsonNode message = next();
            String type = message.path("type").asText();
            String status = message.path("status").asText();
            boolean fatalError = type.equals("error") && message.path("fatal").asBoolean(true);
            if (fatalError || (type.equals("status") && !status.equals("streaming"))) {
                return message;
            }
        }
    }

    /** Every message read so far of a type. */
    List<JsonNode> received(String type) {
        return received.stream().filter(m -> m.path("type").asText().equals(type)).toList();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    /** Drops the TCP connection without a close handshake, like a crashed client. */
    void abort() {
        socket.abort();
    }

    /** Waits for the close and checks that nothing came after the message last read. */
    int awaitClose() throws Exception {
        int code = closeCode.get(10, TimeUnit.SECONDS);
        assertThat(messages).as("messages after the terminal one").isEmpty();
        return code;
    }
}
