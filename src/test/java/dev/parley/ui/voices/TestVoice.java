package dev.parley.ui.voices;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A small catalogue voice for tests: made-up model bytes and a config, served by
 * {@link TestCatalogue}.
 */
record TestVoice(String key, String languageCode, String name, String quality, int speakers,
        String nameNative, String nameEnglish, String country, byte[] model, byte[] config) {

    /** A voice keyed {@code <code>-<name>-<quality>} with a model of the given size. */
    static TestVoice of(String languageCode, String name, String quality, int modelSize) {
        String key = languageCode + "-" + name + "-" + quality;
        byte[] model = new byte[modelSize];
        new Random(key.hashCode()).nextBytes(model);
        byte[] config = ("{\"audio\": {\"sample_rate\": 22050}, \"dataset\": \"" + name + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new TestVoice(key, languageCode, name, quality, 1, "Native", "English name", "Country", model, config);
    }

    TestVoice speakers(int count) {
        return new TestVoice(key, languageCode, name, quality, count, nameNative, nameEnglish, country, model, config);
    }

    TestVoice names(String nativeName, String english, String countryName) {
        return new TestVoice(key, languageCode, name, quality, speakers, nativeName, english, countryName, model, config);
    }

    String family() {
        return languageCode.split("_", 2)[0];
    }

    String region() {
        return languageCode.split("_", 2)[1];
    }

    /** Nested like the real catalogue, so that the flat install layout differs from it. */
    String folder() {
        return family() + "/" + languageCode + "/" + name + "/" + quality + "/";
    }

    String modelPath() {
        return folder() + key + ".onnx";
    }

    String configPath() {
        return folder() + key + ".onnx.json";
    }

    String modelCardPath() {
        return folder() + "MODEL_CARD";
    }
}
