package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiChunkTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Voil\u00e0\"},\"finish_reason\":null}]}            | Voil\u00e0 | NULL",
        "{\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}                                                  | ''       | NULL",
        "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}}]}                | ''       | NULL",
        "{\"choices\":[{\"delta\":{\"content\":null}}]}                                                        | ''       | NULL",
        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}],\"usage\":null}               | ''       | length",
        "{\"choices\":[],\"usage\":null}                                                                       | ''       | NULL",
        "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"fp\",\"choices\":[{\"delta\":{\"content\":\"\\ud83c\\udf89\"}}]} | \ud83c\udf89 | NULL",
    })
    void readsContentAndFinishReason(String data, String content, String finishReason) throws Exception {
        OpenAiChunk chunk = OpenAiChunk.parse(data);

        assertThat(chunk.content()).isEqualTo(content);
        assertThat(chunk.finishReason()).isEqualTo(finishReason);
        assertThat(chunk.error()).isNull();
    }

    @ParameterizedTest(name = "choices: {0}")
    @CsvSource({"[]", "null"})
    void readsTheUsageChunk(String choices) throws Exception {
        OpenAiChunk chunk = OpenAiChunk.parse("{\"id\":\"chatcmpl-1\",\"choices\":" + choices
                + ",\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":7,\"total_tokens\":26}}");

        assertThat(chunk).isEqualTo(new OpenAiChunk("", null, 19, 7, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"param\":null,\"code\":null} } | The server had an error | server_error | NULL | false",
        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}       | Rate limit reached      | tokens       | rate_limit_exceeded | true",
        "{\"error\":{\"object\":\"error\",\"message\":\"Too many\",\"type\":\"RateLimitError\",\"code\":429}}          | Too many                | RateLimitError | 429 | true",
        "{\"error\":{\"message\":\"slow\",\"type\":\"rate_limit_error\"}}                                              | slow                    | rate_limit_error | NULL | true",
        "{\"error\":\"model overloaded\"}                                                                           | model overloaded        | NULL         | NULL | false",
    })
    void readsMidStreamErrors(String data, String message, String type, String code, boolean rateLimited) throws Exception {
        OpenAiChunk.StreamError error = OpenAiChunk.parse(data).error();

        assertThat(error).isEqualTo(new OpenAiChunk.StreamError(message, type, code));
        assertThat(error.rateLimited()).isEqualTo(rateLimited);
    }

    @Test
    void rejectsBrokenJson() {
        assertThatThrownBy(() -> OpenAiChunk.parse("{\"choices\":[{\"delta\":")).isInstanceOf(JsonProcessingException.class);
    }
}
