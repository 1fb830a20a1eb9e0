package dev.parley.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.HandshakeState;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.HandshakeBuilder;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * RFC 6455 plus plain HTTP on the same port. Java-WebSocket only knows upgrade requests: it hands
 * every request to a draft and answers anything the draft refuses with a fixed 404 page. This
 * draft accepts every GET, asks the {@link HttpRouter} whether to upgrade it, and otherwise writes
 * the router's HTTP response in place of the handshake. The server then sees an "open" connection
 * whose draft {@link #answeredWithHttp() answered with HTTP}, and closes it without a close frame
 * once the response is flushed.
 *
 * <p>Java-WebSocket copies the draft for every connection ({@link #copyInstance}), so the state
 * here is per connection.
 */
final class HttpDraft extends Draft_6455 {

    private final HttpRouter router;
    private final int maxFrameSize;
    private boolean upgradable;
    private HttpResponse response;

    HttpDraft(HttpRouter router, int maxFrameSize) {
        super(Collections.emptyList(), maxFrameSize);
        this.router = router;
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    public HandshakeState acceptHandshakeAsServer(ClientHandshake request) throws InvalidHandshakeException {
        upgradable = super.acceptHandshakeAsServer(request) == HandshakeState.MATCHED;
        return HandshakeState.MATCHED;
    }

    @Override
    public HandshakeBuilder postProcessHandshakeResponseAsServer(ClientHandshake request,
            ServerHandshakeBuilder builder) throws InvalidHandshakeException {
        response = router.route(request, upgradable);
        if (response == null) {
            return super.postProcessHandshakeResponseAsServer(request, builder);
        }
        builder.setHttpStatus((short) response.status());
        builder.setHttpStatusMessage(response.reason());
        return builder;
    }

    @Override
    public List<ByteBuffer> createHandshake(Handshakedata handshake, boolean withContent) {
        if (response == null) {
            return super.createHandshake(handshake, withContent);
        }
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ").append(response.status()).append(' ').append(response.reason()).append("\r\n")
                .append("Content-Type: ").append(response.contentType()).append("\r\n")
                .append("Content-Length: ").append(response.body().length).append("\r\n")
                .append("Cache-Control: no-store\r\n")
                .append("Connection: close\r\n");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.allocate(headBytes.length + response.body().length);
        bytes.put(headBytes).put(response.body()).flip();
        return Collections.singletonList(bytes);
    }

    /** Whether this connection got a plain HTTP response instead of an upgrade. */
    boolean answeredWithHttp() {
        return response != null;
    }

    @Override
    public Draft copyInstance() {
        return new HttpDraft(router, maxFrameSize);
    }
}
