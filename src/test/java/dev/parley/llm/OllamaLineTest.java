package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class OllamaLineTest {

    @Test
    void readsAContentLine() throws Exception {
        OllamaLine line = OllamaLine.parse("{\"model\":\"llama3.2\",\"created_at\":\"2025-01-10T08:52:19.385Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\" f\u00eate\"},\"done\":false}");

        assertThat(line).isEqualTo(new OllamaLine(" f\u00eate", false, null, null, null, null, null));
    }

    @Test
    void readsTheFinalLine() throws Exception {
        OllamaLine line = OllamaLine.parse("{\"model\":\"llama3.2\",\"created_at\":\"2025-01-10T08:52:20.385Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"length\",\"done\":true,"
                + "\"total_duration\":4883583458,\"load_duration\":1334875,\"prompt_eval_count\":26,"
                + "\"prompt_eval_duration\":342546000,\"eval_count\":282,\"eval_duration\":4535599000}");

        assertThat(line.done()).isTrue();
        assertThat(line.content()).isEmpty();
        assertThat(line.usage()).isEqualTo(new LlmUsage(26, 282, 4_535_599_000L, "length"));
    }

    @Test
    void readsAFinalLineWithoutCounts() throws Exception {
        assertThat(OllamaLine.parse("{\"done\":true}").usage()).isEqualTo(LlmUsage.NONE);
    }

    @Test
    void readsAnErrorLine() throws Exception {
        OllamaLine line = OllamaLine.parse("{\"error\":\"an error was encountered while running the model\"}");

        assertThat(line.error()).isEqualTo("an error was encountered while running the model");
        assertThat(line.done()).isFalse();
    }

    @Test
    void rejectsBrokenJson() {
        assertThatThrownBy(() -> OllamaLine.parse("{\"message\":{\"content\":\"Hi")).isInstanceOf(JsonProcessingException.class);
    }
}
