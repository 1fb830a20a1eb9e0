package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import okhttp3.Response;

/** Pulls the one line worth showing out of an error response body. */
final class ErrorBody {

    /** Longer texts are cut: the message ends up in a chat window. */
    static final int MAX_CHARS = 300;

    private static final long MAX_BYTES_READ = 64 * 1024;

    private ErrorBody() {}

    /**
     * The provider's error text: {@code error.message} (OpenAI), {@code error} (Ollama),
     * {@code message} or {@code detail} of a JSON body, or a plain-text body; whitespace collapsed
     * and cut to {@value #MAX_CHARS} characters. Empty for an HTML page, a JSON body without any
     * of those fields, or no body.
     */
    static String describe(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.startsWith("{")) {
            try {
                return clip(fromJson(Json.MAPPER.readTree(trimmed)));
            } catch (JsonProcessingException notJson) {
                return clip(trimmed);
            }
        }
        return trimmed.startsWith("<") ? "" : clip(trimmed);
    }

    /** {@link #describe} of the response's body; empty when it cannot be read. */
    static String describe(Response response) {
        try {
            return describe(response.peekBody(MAX_BYTES_READ).string());
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static String fromJson(JsonNode root) {
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            return error.textValue();
        }
        for (JsonNode candidate : new JsonNode[] {error.path("message"), root.path("message"), root.path("detail")}) {
            if (candidate.isTextual()) {
                return candidate.textValue();
            }
        }
        return "";
    }

    private static String clip(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS - 1) + "…";
    }
}
