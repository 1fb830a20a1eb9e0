package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.java_websocket.exceptions.IncompleteHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestHeadTest {

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesMethodTargetVersionAndHeadersAndStopsAtTheBlankLine() {
        ByteBuffer buffer = bytes("GET /ws/chat/stream?message=hi HTTP/1.1\r\nHost: 127.0.0.1:8085\r\n"
                + "sec-websocket-key: abc\r\nX-A: 1\r\nX-A: 2\r\n\r\nFRAME");
        RequestHead head = RequestHead.parse(buffer, 1024);
        assertThat(head.problem()).isNull();
        assertThat(head.method()).isEqualTo("GET");
        assertThat(head.target()).isEqualTo("/ws/chat/stream?message=hi");
        assertThat(head.version()).isEqualTo("HTTP/1.1");
        assertThat(head.header("Sec-WebSocket-Key")).isEqualTo("abc");
        assertThat(head.header("x-a")).isEqualTo("1, 2");
        assertThat(StandardCharsets.US_ASCII.decode(buffer).toString()).isEqualTo("FRAME");
    }

    @Test
    void acceptsBareLineFeedsAndHttp10AndOtherMethods() {
        RequestHead head = RequestHead.parse(bytes("head /health HTTP/1.0\n\n"), 1024);
        assertThat(head.problem()).isNull();
        assertThat(head.method()).isEqualTo("HEAD");
        assertThat(head.version()).isEqualTo("HTTP/1.0");
    }

    @Test
    void anUnfinishedHeadAsksForMoreBytes() {
        assertThatThrownBy(() -> RequestHead.parse(bytes("GET /health HTTP/1.1\r\nHost: x\r\n"), 1024))
                .isInstanceOf(IncompleteHandshakeException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'GET /health\\r\\n\\r\\n'                  | MALFORMED",
        "'GET /health HTTP/2\\r\\n\\r\\n'           | MALFORMED",
        "'GET health HTTP/1.1\\r\\n\\r\\n'          | MALFORMED",
        "'GET /health HTTP/1.1\\r\\nNoColon\\r\\n\\r\\n' | MALFORMED",
        "'GET /ws?message=héllo HTTP/1.1\\r\\n\\r\\n' | NOT_ASCII",
    })
    void refusalsComeBackAsProblemsNotExceptions(String request, RequestHead.Problem problem) {
        String text = request.replace("\\r", "\r").replace("\\n", "\n");
        assertThat(RequestHead.parse(bytes(text), 1024).problem()).isEqualTo(problem);
    }

    @Test
    void aHeadOverTheLimitIsTooLargeWhetherOrNotItEnded() {
        String huge = "GET /ws?message=" + "a".repeat(2000);
        assertThat(RequestHead.parse(bytes(huge), 1024).problem()).isEqualTo(RequestHead.Problem.TOO_LARGE);
        assertThat(RequestHead.parse(bytes(huge + " HTTP/1.1\r\n\r\n"), 1024).problem())
                .isEqualTo(RequestHead.Problem.TOO_LARGE);
    }
}
