package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorBodyTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"error\":{\"message\":\"The model `x` does not exist\",\"type\":\"invalid_request_error\"}} | The model `x` does not exist",
        "{\"error\":\"model \\\"x\\\" not found, try pulling it first\"}                               | model \"x\" not found, try pulling it first",
        "{\"message\":\"Unauthorized\"}                                                                | Unauthorized",
        "{\"detail\":\"Not Found\"}                                                                    | Not Found",
        "{\"object\":\"list\",\"data\":[]}                                                             | ''",
        "'  404 page\n  not found \n'                                                                  | 404 page not found",
        "<html><body><h1>502 Bad Gateway</h1></body></html>                                            | ''",
        "{not json                                                                                     | {not json",
        "''                                                                                            | ''",
    })
    void extractsTheReadableText(String body, String expected) {
        assertThat(ErrorBody.describe(body)).isEqualTo(expected);
    }

    @Test
    void cutsLongTexts() {
        String described = ErrorBody.describe("{\"error\":\"" + "x".repeat(1000) + "\"}");

        assertThat(described).hasSize(ErrorBody.MAX_CHARS).endsWith("…");
    }
}
