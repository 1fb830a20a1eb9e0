package dev.parley.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.java_websocket.exceptions.IncompleteHandshakeException;

/**
 * The request line and headers of whatever arrives on the server's port, parsed leniently enough
 * that every request gets a proper HTTP answer: any method, HTTP/1.0 or 1.1. A request that cannot
 * be served comes back with a {@link #problem()} instead of an exception, because Java-WebSocket
 * answers a draft's exception with its own HTML page and leaves the socket open.
 *
 * @param method the method, upper case ({@code GET}, {@code HEAD}, ...)
 * @param target the request target, e.g. {@code /ws/chat/stream?message=hi}
 * @param version {@code HTTP/1.0} or {@code HTTP/1.1}
 * @param headers header values by case-insensitive name; repeated headers are joined with ", "
 * @param problem why the request is refused before routing, or {@code null}
 */
record RequestHead(String method, String target, String version, Map<String, String> headers, Problem problem) {

    /** Requests refused before routing. */
    enum Problem {
        /** The request line or a header is not HTTP. */
        MALFORMED,
        /** Bytes outside ASCII: the target must be percent-encoded. */
        NOT_ASCII,
        /** The head is larger than the limit. */
        TOO_LARGE
    }

    /** The header, or {@code null}. */
    String header(String name) {
        return headers.get(name);
    }

    /**
     * Parses the head at the buffer's position and moves the position past it, leaving what
     * follows (a WebSocket client may send frames right after its handshake).
     *
     * @param maxBytes the largest head accepted; a larger one is {@link Problem#TOO_LARGE}
     * @throws IncompleteHandshakeException when the head has not fully arrived yet
     */
    static RequestHead parse(ByteBuffer buffer, int maxBytes) {
        int start = buffer.position();
        int end = endOfHead(buffer, start);
        if (end < 0) {
            if (buffer.remaining() > maxBytes) {
                buffer.position(buffer.limit());
                return refused(Problem.TOO_LARGE);
            }
            throw new IncompleteHandshakeException(buffer.capacity() + 4096);
        }
        buffer.position(end);
        if (end - start > maxBytes) {
            return refused(Problem.TOO_LARGE);
        }
        byte[] bytes = new byte[end - start];
        buffer.duplicate().position(start).get(bytes);
        for (byte b : bytes) {
            if (b < 0) {
                return refused(Problem.NOT_ASCII);
            }
        }
        String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || requestLine[0].isEmpty() || !requestLine[1].startsWith("/")
                || !(requestLine[2].equals("HTTP/1.1") || requestLine[2].equals("HTTP/1.0"))) {
            return refused(Problem.MALFORMED);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                break;
            }
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return refused(Problem.MALFORMED);
            }
            String name = lines[i].substring(0, colon).strip();
            String value = lines[i].substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        return new RequestHead(requestLine[0].toUpperCase(Locale.ROOT), requestLine[1], requestLine[2],
                Collections.unmodifiableMap(headers), null);
    }

    private static RequestHead refused(Problem problem) {
        return new RequestHead("GET", "/", "HTTP/1.1", Map.of(), problem);
    }

    /** The index just past the blank line ending the head ({@code \r\n\r\n} or {@code \n\n}), or -1. */
    private static int endOfHead(ByteBuffer buffer, int start) {
        for (int i = start; i < buffer.limit(); i++) {
            if (buffer.get(i) != '\n') {
                continue;
            }
            if (i + 1 < buffer.limit() && buffer.get(i + 1) == '\n') {
                return i + 2;
            }
            if (i + 2 < buffer.limit() && buffer.get(i + 1) == '\r' && buffer.get(i + 2) == '\n') {
                return i + 3;
            }
        }
        return -1;
    }
}
