package dev.parley;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte over a plain socket, for what the JDK clients refuse to send
 * (any Host, a bare Origin of {@code null}) or cannot do (never read).
 */
final class RawClient {

    private RawClient() {
    }

    /** A WebSocket upgrade request for {@code target}; {@code extraHeaders} are complete lines with CRLF. */
    static String upgrade(String target, String host, String extraHeaders) {
        return "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + extraHeaders + "\r\n";
    }

    /** Sends the request and returns the status line of the answer, e.g. {@code HTTP/1.1 101 Switching Protocols}. */
    static String statusLine(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII).strip();
        }
    }
}
