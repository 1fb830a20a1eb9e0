package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetriesTest {

    @ParameterizedTest(name = "retry {0}, Retry-After {1}, random {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "1  | PT2S  | 0.0   | PT2S",
        "1  | PT2S  | 0.5   | PT2.2S",
        "2  | PT10S | 0.999 | PT11.998S",
        "1  | PT0S  | 0.7   | PT0S",
        "1  | NULL  | 0.5   | PT1S",
        "1  | NULL  | 0.0   | PT0.8S",
        "2  | NULL  | 0.5   | PT2S",
        "3  | NULL  | 1.0   | PT4.8S",
        "10 | NULL  | 0.5   | PT30S",
        "64 | NULL  | 0.0   | PT24S",
    })
    void waitsWhatTheServerAsksOrABackoffThatDoubles(int retry, Duration retryAfter, double random, Duration expected) {
        assertThat(Retries.delay(retry, retryAfter, random)).isEqualTo(expected);
    }
}
