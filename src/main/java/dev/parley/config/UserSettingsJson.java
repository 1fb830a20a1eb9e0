package dev.parley.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings file's format: one JSON object whose keys are {@link Setting} names with string
 * values (numbers and booleans are read as their text), plus an optional {@code "ui"} object of
 * strings, numbers and booleans.
 *
 * <pre>{@code
 * {
 *   "LLM_PROVIDER" : "ollama",
 *   "OLLAMA_MODEL" : "qwen2.5:7b",
 *   "PARLEY_PORT" : "8086",
 *   "ui" : { "voice" : "en_US-lessac-medium", "volume" : 0.8 }
 * }
 * }</pre>
 *
 * <p>Messages never quote the file's text: it may hold an API key.
 */
final class UserSettingsJson {

    static final String UI = "ui";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private UserSettingsJson() {
    }

    /**
     * Reads a whole file. Entries that cannot be used (an unknown key, an object where a value
     * belongs, {@code PARLEY_CONFIG_DIR}) are skipped and described to {@code problems}.
     *
     * @throws IOException when the text is not a JSON object; the message gives line and column only
     */
    static UserSettings parse(String text, Consumer<String> problems) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new IOException(where == null ? "not valid JSON"
                    : "not valid JSON at line " + where.getLineNr() + ", column " + where.getColumnNr());
        }
        if (root == null || root.isMissingNode()) {
            throw new IOException("empty");
        }
        if (!root.isObject()) {
            throw new IOException("not a JSON object");
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<String, Object> ui = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals(UI)) {
                readUi(value, ui, problems);
                continue;
            }
            Setting setting = setting(key);
            if (setting == null) {
                problems.accept("unknown setting " + key + " (ignored)");
            } else if (setting == Setting.PARLEY_CONFIG_DIR) {
                problems.accept("PARLEY_CONFIG_DIR is read from the environment only (ignored)");
            } else if (value.isValueNode() && !value.isNull()) {
                values.put(setting, value.asText());
            } else if (!value.isNull()) {
                problems.accept(key + " must be a string (ignored)");
            }
        }
        return new UserSettings(values, new UiPreferences(ui));
    }

    /** The file's text: settings in {@link Setting} order, then {@code "ui"} when there are preferences. */
    static String render(UserSettings settings) {
        ObjectNode root = MAPPER.createObjectNode();
        settings.values().forEach((setting, value) -> root.put(setting.name(), value));
        if (!settings.ui().asMap().isEmpty()) {
            ObjectNode ui = root.putObject(UI);
            settings.ui().asMap().forEach((key, value) -> {
                if (value instanceof String text) {
                    ui.put(key, text);
                } else if (value instanceof Long whole) {
                    ui.put(key, whole);
                } else if (value instanceof Double real) {
                    ui.put(key, real);
                } else {
                    ui.put(key, (Boolean) value);
                }
            });
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and booleans always serialises; this would be a Jackson bug.
            throw new UncheckedIOException(e);
        }
    }

    private static void readUi(JsonNode node, Map<String, Object> ui, Consumer<String> problems) {
        if (!node.isObject()) {
            problems.accept("\"ui\" must be an object (ignored)");
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                ui.put(field.getKey(), value.textValue());
            } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                ui.put(field.getKey(), value.longValue());
            } else if (value.isNumber() && Double.isFinite(value.doubleValue())) {
                ui.put(field.getKey(), value.doubleValue());
            } else if (value.isBoolean()) {
                ui.put(field.getKey(), value.booleanValue());
            } else if (!value.isNull()) {
                problems.accept("ui." + field.getKey() + " must be a string, number or boolean (ignored)");
            }
        }
    }

    private static Setting setting(String key) {
        for (Setting setting : Setting.values()) {
            if (setting.name().equals(key)) {
                return setting;
            }
        }
        return null;
    }
}
