package dev.parley.tts.download;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the rhasspy/piper-voices {@code voices.json}: an object keyed by voice key whose values
 * carry {@code name}, {@code language}, {@code quality}, {@code num_speakers}, {@code aliases} and
 * {@code files} (path → {@code size_bytes}, {@code md5_digest}). Fields it does not use are
 * ignored, so catalogue additions do not break it; a voice lacking what installing it needs makes
 * the whole catalogue malformed, because a silently shortened list would hide the problem.
 */
public final class CatalogueParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final String MODEL_SUFFIX = ".onnx";
    private static final String CONFIG_SUFFIX = ".onnx.json";

    private CatalogueParser() {}

    /**
     * Parses a whole catalogue.
     *
     * @throws CatalogueException naming the voice and field when the text is not a catalogue
     */
    public static VoiceCatalogue parse(String json) throws CatalogueException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogueException(
                    "malformed voice catalogue: " + e.getOriginalMessage() + where(e.getLocation()), e);
        }
        if (root == null || !root.isObject()) {
            throw new CatalogueException("malformed voice catalogue: expected a JSON object of voices");
        }
        List<CatalogueVoice> voices = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            voices.add(voice(entry.getKey(), entry.getValue()));
        }
        return new VoiceCatalogue(voices);
    }

    private static CatalogueVoice voice(String key, JsonNode node) throws CatalogueException {
        if (!node.isObject()) {
            throw malformed(key, "expected an object");
        }
        JsonNode languageNode = node.path("language");
        if (!languageNode.isObject()) {
            throw malformed(key, "missing 'language'");
        }
        String code = requiredText(key, languageNode, "language.code");
        CatalogueLanguage language = new CatalogueLanguage(
                code,
                optionalText(languageNode, "family", code.split("_", 2)[0]),
                optionalText(languageNode, "region", ""),
                optionalText(languageNode, "name_native", ""),
                optionalText(languageNode, "name_english", ""),
                optionalText(languageNode, "country_english", ""));

        JsonNode speakersNode = node.path("num_speakers");
        int speakers = speakersNode.isMissingNode() || speakersNode.isNull() ? 1 : speakersNode.asInt(0);
        if (speakers < 1) {
            throw malformed(key, "'num_speakers' must be a positive number");
        }

        List<String> aliases = new ArrayList<>();
        for (JsonNode alias : node.path("aliases")) {
            if (alias.isTextual()) {
                aliases.add(alias.asText());
            }
        }

        JsonNode files = node.path("files");
        if (!files.isObject()) {
            throw malformed(key, "missing 'files'");
        }
        return new CatalogueVoice(
                key,
                requiredText(key, node, "name"),
                language,
                requiredText(key, node, "quality"),
                speakers,
                aliases,
                file(key, files, MODEL_SUFFIX),
                file(key, files, CONFIG_SUFFIX));
    }

    private static CatalogueFile file(String key, JsonNode files, String suffix) throws CatalogueException {
        for (Map.Entry<String, JsonNode> entry : files.properties()) {
            String path = entry.getKey();
            if (!path.endsWith(suffix)) {
                continue;
            }
            JsonNode size = entry.getValue().path("size_bytes");
            if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
                throw malformed(key, "'" + path + "' has no valid 'size_bytes'");
            }
            String md5 = entry.getValue().path("md5_digest").asText("");
            if (!MD5.matcher(md5).matches()) {
                throw malformed(key, "'" + path + "' has no valid 'md5_digest'");
            }
            return new CatalogueFile(path, size.asLong(), md5.toLowerCase(Locale.ROOT));
        }
        throw malformed(key, "no '" + suffix + "' file in 'files'");
    }

    private static String requiredText(String key, JsonNode node, String dottedName) throws CatalogueException {
        String field = dottedName.substring(dottedName.lastIndexOf('.') + 1);
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw malformed(key, "missing '" + dottedName + "'");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : fallback;
    }

    private static CatalogueException malformed(String key, String problem) {
        return new CatalogueException("malformed voice catalogue: voice '" + key + "': " + problem);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
