package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-01-10T08:00:00Z");

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "0                             | PT0S",
        "2                             | PT2S",
        "' 7 '                         | PT7S",
        "120                           | PT30S",
        "99999999999999999999          | PT30S",
        "Fri, 10 Jan 2025 08:00:12 GMT | PT12S",
        "Fri, 10 Jan 2025 09:00:00 GMT | PT30S",
        "Fri, 10 Jan 2025 07:59:00 GMT | PT0S",
        "NULL                          | NULL",
        "''                            | NULL",
        "-5                            | NULL",
        "soon                          | NULL",
    })
    void readsTheWait(String header, Duration expected) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(expected);
    }
}
