package dev.parley.testing;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A small catalogue voice for tests: made-up model bytes and a config, served by
 * {@link CatalogueServer}.
 */
public record FakeVoice(String key, String languageCode, String name, String quality, int speakers,
        String nameNative, String nameEnglish, String country, byte[] model, byte[] config) {

    /** A voice keyed {@code <code>-<name>-<quality>} with a model of the given size. */
    public static FakeVoice of(String languageCode, String name, String quality, int modelSize) {
        String key = languageCode + "-" + name + "-" + quality;
        byte[] model = new byte[modelSize];
        new Random(key.hashCode()).nextBytes(model);
        byte[] config = ("{\"audio\": {\"sample_rate\": 22050}, \"dataset\": \"" + name + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new FakeVoice(key, languageCode, name, quality, 1, "Native", "English name", "Country", model, config);
    }

    public FakeVoice speakers(int count) {
        return new FakeVoice(key, languageCode, name, quality, count, nameNative, nameEnglish, country, model, config);
    }

    public FakeVoice names(String nativeName, String english, String countryName) {
        return new FakeVoice(key, languageCode, name, quality, speakers, nativeName, english, countryName, model, config);
    }

    public String family() {
        return languageCode.split("_", 2)[0];
    }

    public String region() {
        return languageCode.split("_", 2)[1];
    }

    /** Nested like the real catalogue, so that the flat install layout differs from it. */
    public String folder() {
        return family() + "/" + languageCode + "/" + name + "/" + quality + "/";
    }

    public String modelPath() {
        return folder() + key + ".onnx";
    }

    public String configPath() {
        return folder() + key + ".onnx.json";
    }

    public String modelCardPath() {
        return folder() + "MODEL_CARD";
    }
}
