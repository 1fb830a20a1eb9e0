package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** The shared Jackson mapper and the lenient field reads both wire formats need. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** A request body with {@code model}, {@code messages} and {@code stream: true}, common to both APIs. */
    static ObjectNode chatRequest(String model, List<ChatMessage> messages) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        ArrayNode array = body.putArray("messages");
        for (ChatMessage message : messages) {
            array.addObject().put("role", message.role().wireName()).put("content", message.content());
        }
        body.put("stream", true);
        return body;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // A tree built in memory always serialises; this would be a Jackson bug.
            throw new UncheckedIOException(e);
        }
    }

    /** The string value, or {@code null} when the field is absent, {@code null} or not a string. */
    static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    /** The number as an int, or {@code null} when absent or not an integer. */
    static Integer integer(JsonNode node) {
        return node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : null;
    }

    /** The number as a long, or {@code null} when absent or not an integer. */
    static Long longValue(JsonNode node) {
        return node.canConvertToLong() && node.isIntegralNumber() ? node.longValue() : null;
    }
}
