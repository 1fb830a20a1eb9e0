package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of Ollama's NDJSON {@code /api/chat} stream.
 *
 * @param content {@code message.content}; empty when there is none
 * @param done whether this is the final line
 * @param doneReason {@code done_reason} of the final line, or {@code null}
 * @param promptEvalCount {@code prompt_eval_count}, or {@code null}
 * @param evalCount {@code eval_count}, or {@code null}
 * @param evalDurationNanos {@code eval_duration} in nanoseconds, or {@code null}
 * @param error the text of a mid-stream {@code {"error": "..."}} line, or {@code null}
 */
record OllamaLine(String content, boolean done, String doneReason, Integer promptEvalCount, Integer evalCount,
                  Long evalDurationNanos, String error) {

    /** Parses one line (without its line ending); a JSON value that is not an object yields an empty line. */
    static OllamaLine parse(String line) throws JsonProcessingException {
        JsonNode root = Json.MAPPER.readTree(line);
        String content = Json.text(root.path("message").path("content"));
        JsonNode error = root.path("error");
        return new OllamaLine(
                content == null ? "" : content,
                root.path("done").asBoolean(false),
                Json.text(root.path("done_reason")),
                Json.integer(root.path("prompt_eval_count")),
                Json.integer(root.path("eval_count")),
                Json.longValue(root.path("eval_duration")),
                error.isMissingNode() || error.isNull() ? null : error.isTextual() ? error.textValue() : error.toString());
    }

    /** What the final line reports. */
    LlmUsage usage() {
        return new LlmUsage(promptEvalCount, evalCount, evalDurationNanos, doneReason);
    }
}
