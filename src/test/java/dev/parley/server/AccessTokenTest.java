package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessTokenTest {

    private static final String TOKEN = "correct-horse-battery-staple";

    private static RequestHead request(String target, String authorization) {
        String head = "GET " + target + " HTTP/1.1\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
        return RequestHead.parse(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)), 4096);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "/health?token=correct-horse-battery-staple              | NONE                                | true",
        "/ws/chat/stream?message=hi&token=correct-horse-battery-staple | NONE                          | true",
        "/health?token=correct%2Dhorse-battery-staple            | NONE                                | true",
        "/health                                                 | Bearer correct-horse-battery-staple | true",
        "/health                                                 | bearer correct-horse-battery-staple | true",
        "/health?token=wrong                                     | Bearer correct-horse-battery-staple | true",
        "/health                                                 | NONE                                | false",
        "/health?token=                                          | NONE                                | false",
        "/health?token=correct-horse-battery-stapl               | NONE                                | false",
        "/health?token=correct-horse-battery-staplee             | NONE                                | false",
        "/health?token=CORRECT-HORSE-BATTERY-STAPLE              | NONE                                | false",
        "/health?xtoken=correct-horse-battery-staple             | NONE                                | false",
        "/health                                                 | Basic correct-horse-battery-staple  | false",
        "/health                                                 | correct-horse-battery-staple        | false",
        "/health?token=%zz                                       | NONE                                | false",
    })
    void theTokenMustBePresentedExactly(String target, String authorization, boolean allowed) {
        assertThat(AccessToken.of(TOKEN).allows(request(target, authorization))).isEqualTo(allowed);
    }

    @Test
    void withoutATokenEveryRequestIsAllowed() {
        assertThat(AccessToken.of(null).allows(request("/health", null))).isTrue();
    }

    @Test
    void generatedTokensAreLongUrlSafeAndDistinct() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = AccessToken.generate();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(100);
    }
}
