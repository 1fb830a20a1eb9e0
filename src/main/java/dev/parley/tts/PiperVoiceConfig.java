package dev.parley.tts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Parley reads from a Piper voice's {@code NAME.onnx.json} (the rhasspy/piper-voices format).
 *
 * <p>Required, as Piper requires them: {@code phoneme_id_map} with {@code _ ^ $}, {@code num_speakers},
 * {@code audio.sample_rate}, and {@code espeak.voice} unless {@code phoneme_type} is {@code text}.
 * Optional: {@code inference} (Piper's defaults 0.667, 1.0, 0.8), {@code audio.quality},
 * {@code language.code}, {@code dataset}, {@code speaker_id_map} (speakers are then named by their
 * ids), {@code phoneme_map}.
 *
 * @param languageCode {@code language.code} in {@code ll_RR} form, or {@code null} when absent
 * @param speakers speaker name → id of a multi-speaker voice, in id order; empty otherwise
 * @param phonemeIds the {@code phoneme_id_map} and {@code phoneme_map}, ready to encode phonemes
 */
record PiperVoiceConfig(
        int sampleRate,
        String quality,
        String languageCode,
        String dataset,
        boolean textPhonemes,
        String espeakVoice,
        float noiseScale,
        float lengthScale,
        float noiseW,
        int numSpeakers,
        Map<String, Integer> speakers,
        PhonemeIds phonemeIds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** piper-phonemize's built-in map for {@code pt-br} voices that bring no {@code phoneme_map}. */
    private static final Map<String, Map<Integer, int[]>> DEFAULT_PHONEME_MAPS =
            Map.of("pt-br", Map.of((int) 'c', new int[] {'k'}));

    /**
     * Parses a config.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    static PiperVoiceConfig parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            String what = e.getOriginalMessage().split(" \\(|\\R", 2)[0];
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("not valid JSON" + where + " (" + what + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int sampleRate = positiveInt(root.path("audio").path("sample_rate"), "audio.sample_rate");
        int numSpeakers = positiveInt(root.path("num_speakers"), "num_speakers");
        String phonemeType = root.path("phoneme_type").asText("espeak");
        boolean textPhonemes = phonemeType.equals("text");
        if (!textPhonemes && !phonemeType.equals("espeak")) {
            throw new IllegalArgumentException("unsupported phoneme_type '" + phonemeType + "'");
        }
        String espeakVoice = text(root.path("espeak").path("voice"));
        if (!textPhonemes && espeakVoice == null) {
            throw new IllegalArgumentException("espeak.voice is missing");
        }
        JsonNode inference = root.path("inference");
        Map<Integer, int[]> phonemeMap = phonemeMap(root.path("phoneme_map"));
        if (phonemeMap.isEmpty() && espeakVoice != null) {
            phonemeMap = DEFAULT_PHONEME_MAPS.getOrDefault(espeakVoice, Map.of());
        }
        String language = text(root.path("language").path("code"));
        return new PiperVoiceConfig(
                sampleRate,
                text(root.path("audio").path("quality")),
                language == null ? null : LanguageCode.parse(language).map(LanguageCode::toString).orElse(language),
                text(root.path("dataset")),
                textPhonemes,
                espeakVoice,
                (float) inference.path("noise_scale").asDouble(0.667),
                (float) inference.path("length_scale").asDouble(1.0),
                (float) inference.path("noise_w").asDouble(0.8),
                numSpeakers,
                numSpeakers > 1 ? speakers(root.path("speaker_id_map"), numSpeakers) : Map.of(),
                new PhonemeIds(idMap(root.path("phoneme_id_map")), phonemeMap));
    }

    /** Speaker names in id order; empty for a single-speaker voice. */
    List<String> speakerNames() {
        return List.copyOf(speakers.keySet());
    }

    private static Map<String, Integer> speakers(JsonNode map, int numSpeakers) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>();
        if (map.isObject()) {
            map.fields().forEachRemaining(field -> {
                if (!field.getValue().canConvertToInt()) {
                    throw new IllegalArgumentException("speaker_id_map." + field.getKey() + " is not an id");
                }
                entries.add(Map.entry(field.getKey(), field.getValue().asInt()));
            });
        }
        if (entries.isEmpty()) {
            for (int id = 0; id < numSpeakers; id++) {
                entries.add(Map.entry(Integer.toString(id), id));
            }
        }
        entries.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> speakers = new LinkedHashMap<>();
        entries.forEach(entry -> speakers.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(speakers);
    }

    private static Map<Integer, long[]> idMap(JsonNode map) {
        if (!map.isObject() || map.isEmpty()) {
            throw new IllegalArgumentException("phoneme_id_map is missing");
        }
        Map<Integer, long[]> ids = new HashMap<>();
        map.fields().forEachRemaining(field -> {
            JsonNode list = field.getValue();
            if (!list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException("phoneme_id_map entry '" + field.getKey() + "' has no ids");
            }
            long[] values = new long[list.size()];
            for (int i = 0; i < values.length; i++) {
                if (!list.get(i).canConvertToLong() || list.get(i).asLong() < 0) {
                    throw new IllegalArgumentException("phoneme_id_map entry '" + field.getKey() + "' is not a list of ids");
                }
                values[i] = list.get(i).asLong();
            }
            ids.put(codePoint(field.getKey(), "phoneme_id_map"), values);
        });
        return ids;
    }

    private static Map<Integer, int[]> phonemeMap(JsonNode map) {
        Map<Integer, int[]> mapped = new HashMap<>();
        if (!map.isObject()) {
            return mapped;
        }
        map.fields().forEachRemaining(field -> {
            JsonNode list = field.getValue();
            if (!list.isArray()) {
                throw new IllegalArgumentException("phoneme_map entry '" + field.getKey() + "' is not a list");
            }
            int[] to = new int[list.size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = codePoint(list.get(i).asText(), "phoneme_map");
            }
            mapped.put(codePoint(field.getKey(), "phoneme_map"), to);
        });
        return mapped;
    }

    private static int codePoint(String phoneme, String where) {
        if (phoneme.codePointCount(0, phoneme.length()) != 1) {
            throw new IllegalArgumentException(where + " key '" + phoneme + "' is not a single code point");
        }
        return phoneme.codePointAt(0);
    }

    private static int positiveInt(JsonNode node, String name) {
        if (node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (!node.canConvertToInt() || node.asInt() <= 0 || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(name + " is not a positive integer: " + node);
        }
        return node.asInt();
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
