package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.TestConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the server's port answers to requests that are not a well-formed WebSocket upgrade, byte
 * for byte over a raw socket: every request gets one HTTP response and the connection is closed.
 */
class RawHttpTest {

    @TempDir
    static Path dir;

    private static Parley parley;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        parley = Parley.create(TestConfig.openAi(dir, "http://127.0.0.1:9/v1", Map.of("PARLEY_HANDSHAKE_TIMEOUT", "1")));
        port = parley.startServer().port();
    }

    @AfterAll
    static void stop() {
        parley.close();
    }

    /** Sends the bytes and reads until the server closes the connection (failing after 5 s). */
    private static String exchange(byte[] request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    response.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server did not close the connection; got: " + response, e);
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    private static String exchange(String request) throws Exception {
        return exchange(request.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /health HTTP/1.0                    | 200 OK",
        "GET /voices HTTP/1.1\\r\\nHost: localhost | 200 OK",
        "POST /health HTTP/1.1                   | 405 Method Not Allowed",
        "OPTIONS /health HTTP/1.1                | 405 Method Not Allowed",
        "GET /nope HTTP/1.1                      | 404 Not Found",
        "GET /ws/chat/stream?message=hi HTTP/1.1 | 426 Upgrade Required",
        "GET /health                             | 400 Bad Request",
        "GET /health HTTP/1.1\\r\\nHost: evil.example:8085 | 403 Forbidden",
    })
    void everyRequestGetsOneResponseAndTheConnectionCloses(String request, String status) throws Exception {
        String response = exchange(request.replace("\\r", "\r").replace("\\n", "\n") + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 " + status + "\r\n").contains("\r\nConnection: close\r\n")
                .doesNotContain("TooTallNate");
        int length = Integer.parseInt(response.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        assertThat(response.substring(response.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8))
                .hasSize(length);
    }

    @Test
    void notAllowedNamesTheAllowedMethods() throws Exception {
        assertThat(exchange("DELETE /voices HTTP/1.1\r\n\r\n")).contains("\r\nAllow: GET, HEAD\r\n");
    }

    @Test
    void headGetsTheHeadersWithoutTheBody() throws Exception {
        String response = exchange("HEAD /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n");
        assertThat(response).containsPattern("Content-Length: [1-9]");
    }

    @Test
    void anUpgradeWithoutAKeyIsNotAWebSocket() throws Exception {
        String response = exchange("GET /ws/chat/stream?message=hi HTTP/1.1\r\nHost: localhost\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 426 Upgrade Required\r\n");
    }

    @Test
    void rawNonAsciiInTheTargetIsRefusedRatherThanGarbled() throws Exception {
        assertThat(exchange("GET /ws/chat/stream?message=héllo HTTP/1.1\r\n\r\n"))
                .startsWith("HTTP/1.1 400 Bad Request\r\n").contains("percent-encode");
    }

    @Test
    void anEndlessHeadIsCutOffWith431() throws Exception {
        byte[] flood = ("GET /ws/chat/stream?message=" + "a".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            try {
                socket.getOutputStream().write(flood);
            } catch (java.io.IOException closedWhileWriting) {
                // the server may close before reading everything; its answer is still readable
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
        }
    }

    @Test
    void aTargetOver16KiBIs414AndOneJustUnderIsServed() throws Exception {
        String over = "/ws/chat/stream?message=" + "a".repeat(16 * 1024);
        assertThat(exchange("GET " + over + " HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .startsWith("HTTP/1.1 414 URI Too Long\r\n").contains("16 KiB");
        String under = "/health?pad=" + "a".repeat(16 * 1024 - 12);
        assertThat(exchange("GET " + under + " HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .startsWith("HTTP/1.1 200 OK\r\n");
    }

    @Test
    void aRequestThatNeverEndsIsClosedAfterTheHandshakeTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET /hea".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
        }
    }

    @Test
    void bytesAfterAPlainRequestAreIgnored() throws Exception {
        byte[] request = "GET /health HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] withJunk = new byte[request.length + 6];
        System.arraycopy(request, 0, withJunk, 0, request.length);
        System.arraycopy(new byte[] {(byte) 0x87, 0x00, 1, 2, 3, 4}, 0, withJunk, request.length, 6);
        String response = exchange(withJunk);
        assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").endsWith("}");
    }
}
