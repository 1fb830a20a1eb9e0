package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * One {@code data:} payload of an OpenAI chat-completions stream (other than {@code [DONE]}).
 *
 * <p>Parsing is lenient the way OpenAI-compatible servers need: {@code choices} may be missing,
 * {@code []} or {@code null} (the usage chunk), {@code content} may be missing or {@code null}
 * (role-only first delta, final delta), and unknown fields are ignored.
 *
 * @param content the text of {@code choices[0].delta.content}; empty when there is none
 * @param finishReason {@code choices[0].finish_reason}, or {@code null}
 * @param promptTokens {@code usage.prompt_tokens}, or {@code null}
 * @param completionTokens {@code usage.completion_tokens}, or {@code null}
 * @param error the mid-stream {@code error} object, or {@code null}
 */
record OpenAiChunk(String content, String finishReason, Integer promptTokens, Integer completionTokens,
                   StreamError error) {

    /**
     * An {@code {"error":{"message","type","code"}}} event.
     *
     * @param message the text for the person; never {@code null}
     * @param type e.g. {@code server_error}, or {@code null}
     * @param code a string such as {@code rate_limit_exceeded} or a number written as text, or {@code null}
     */
    record StreamError(String message, String type, String code) {

        /** Whether the server stopped the reply because of a rate limit. */
        boolean rateLimited() {
            return "429".equals(code) || mentionsRateLimit(type) || mentionsRateLimit(code);
        }

        private static boolean mentionsRateLimit(String value) {
            return value != null && value.toLowerCase(Locale.ROOT).contains("rate_limit");
        }
    }

    /** Parses one event's data; a JSON value that is not an object yields an empty chunk. */
    static OpenAiChunk parse(String data) throws JsonProcessingException {
        JsonNode root = Json.MAPPER.readTree(data);
        JsonNode choice = root.path("choices").path(0);
        JsonNode usage = root.path("usage");
        String content = Json.text(choice.path("delta").path("content"));
        return new OpenAiChunk(
                content == null ? "" : content,
                Json.text(choice.path("finish_reason")),
                Json.integer(usage.path("prompt_tokens")),
                Json.integer(usage.path("completion_tokens")),
                streamError(root.path("error")));
    }

    private static StreamError streamError(JsonNode error) {
        if (error.isMissingNode() || error.isNull()) {
            return null;
        }
        if (error.isTextual()) {
            return new StreamError(error.textValue(), null, null);
        }
        String message = Json.text(error.path("message"));
        JsonNode code = error.path("code");
        return new StreamError(
                message == null ? error.toString() : message,
                Json.text(error.path("type")),
                code.isValueNode() && !code.isNull() ? code.asText() : null);
    }
}
