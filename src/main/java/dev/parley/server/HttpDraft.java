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
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.HandshakeBuilder;
import org.java_websocket.handshake.HandshakeImpl1Client;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * RFC 6455 plus plain HTTP on the same port. Java-WebSocket only knows GET upgrade requests in
 * HTTP/1.1: anything else gets its fixed HTML 404 page and a socket that is never closed. This
 * draft parses every request itself ({@link RequestHead}), accepts it, asks the
 * {@link HttpRouter} whether to upgrade it, and otherwise writes the router's HTTP response in
 * place of the handshake. The server then sees an "open" connection whose draft
 * {@link #answeredWithHttp() answered with HTTP}, and closes it without a close frame once the
 * response is flushed; bytes that follow such a request are ignored.
 *
 * <p>Java-WebSocket copies the draft for every connection ({@link #copyInstance}), so the state
 * here is per connection.
 */
final class HttpDraft extends Draft_6455 {

    private final HttpRouter router;
    private final int maxFrameSize;
    private final int maxHeadBytes;
    private RequestHead head;
    private boolean upgradable;
    private HttpResponse response;

    /**
     * @param maxFrameSize the largest client frame (and fragmented message); larger ones close the
     *     connection with 1009
     * @param maxHeadBytes larger request heads are refused with 431
     */
    HttpDraft(HttpRouter router, int maxFrameSize, int maxHeadBytes) {
        super(Collections.emptyList(), maxFrameSize);
        this.router = router;
        this.maxFrameSize = maxFrameSize;
        this.maxHeadBytes = maxHeadBytes;
    }

    @Override
    public Handshakedata translateHandshake(ByteBuffer buffer) {
        head = RequestHead.parse(buffer, maxHeadBytes);
        HandshakeImpl1Client handshake = new HandshakeImpl1Client();
        handshake.setResourceDescriptor(head.target());
        head.headers().forEach(handshake::put);
        return handshake;
    }

    @Override
    public HandshakeState acceptHandshakeAsServer(ClientHandshake request) throws InvalidHandshakeException {
        upgradable = head.problem() == null && head.method().equals("GET") && head.version().equals("HTTP/1.1")
                && head.header("Sec-WebSocket-Key") != null
                && super.acceptHandshakeAsServer(request) == HandshakeState.MATCHED;
        return HandshakeState.MATCHED;
    }

    @Override
    public HandshakeBuilder postProcessHandshakeResponseAsServer(ClientHandshake request,
            ServerHandshakeBuilder builder) throws InvalidHandshakeException {
        response = router.route(head, upgradable);
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
        StringBuilder text = new StringBuilder()
                .append("HTTP/1.1 ").append(response.status()).append(' ').append(response.reason()).append("\r\n")
                .append("Content-Type: ").append(response.contentType()).append("\r\n")
                .append("Content-Length: ").append(response.body().length).append("\r\n")
                .append("Cache-Control: no-store\r\n")
                .append("Connection: close\r\n");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            text.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        text.append("\r\n");
        byte[] headBytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] body = head.method().equals("HEAD") ? new byte[0] : response.body();
        ByteBuffer bytes = ByteBuffer.allocate(headBytes.length + body.length);
        bytes.put(headBytes).put(body).flip();
        return Collections.singletonList(bytes);
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws org.java_websocket.exceptions.InvalidDataException {
        if (response != null) {
            // Whatever a plain HTTP client sends after its request is not WebSocket framing.
            buffer.position(buffer.limit());
            return Collections.emptyList();
        }
        return super.translateFrame(buffer);
    }

    /** Whether this connection got a plain HTTP response instead of an upgrade. */
    boolean answeredWithHttp() {
        return response != null;
    }

    @Override
    public Draft copyInstance() {
        return new HttpDraft(router, maxFrameSize, maxHeadBytes);
    }
}
