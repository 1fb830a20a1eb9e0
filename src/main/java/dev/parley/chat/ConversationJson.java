package dev.parley.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.llm.ChatMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The on-disk form of a conversation:
 * <pre>{"id":…,"title":…,"created_at":"2026-11-27T10:00:00Z","updated_at":…,
 *  "messages":[{"role":"user","content":…,"at":…},{"role":"assistant",…,"interrupted":true}]}</pre>
 */
final class ConversationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConversationJson() {
    }

    static byte[] write(Conversation conversation) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", conversation.id());
        root.put("title", conversation.title());
        root.put("created_at", conversation.createdAt().toString());
        root.put("updated_at", conversation.updatedAt().toString());
        ArrayNode messages = root.putArray("messages");
        for (StoredMessage message : conversation.messages()) {
            ObjectNode node = messages.addObject();
            node.put("role", message.role().wireName());
            node.put("content", message.content());
            node.put("at", message.at().toString());
            if (message.interrupted()) {
                node.put("interrupted", true);
            }
        }
        return MAPPER.writeValueAsBytes(root);
    }

    /** @throws IOException when the bytes are not a conversation, with what is wrong */
    static Conversation read(byte[] bytes) throws IOException {
        JsonNode root = MAPPER.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        String id = text(root, "id");
        if (!ConversationIds.isValid(id)) {
            throw new IOException("invalid id '" + id + "'");
        }
        List<StoredMessage> messages = new ArrayList<>();
        for (JsonNode node : root.path("messages")) {
            messages.add(new StoredMessage(role(text(node, "role")), text(node, "content"), instant(node, "at"),
                    node.path("interrupted").asBoolean(false)));
        }
        return new Conversation(id, root.path("title").asText(""), instant(root, "created_at"),
                instant(root, "updated_at"), messages);
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("missing text field '" + field + "'");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String field) throws IOException {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IOException("field '" + field + "' is not an ISO-8601 instant");
        }
    }

    private static ChatMessage.Role role(String value) throws IOException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "user" -> ChatMessage.Role.USER;
            case "assistant" -> ChatMessage.Role.ASSISTANT;
            default -> throw new IOException("unknown role '" + value + "'");
        };
    }
}
