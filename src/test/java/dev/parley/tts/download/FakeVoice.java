package dev.parley.tts.download;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** A small voice for tests: made-up model bytes and a config, published by {@link CatalogueServer}. */
record FakeVoice(String key, String languageCode, String name, String quality, byte[] model, byte[] config) {

    /** A voice whose key follows the catalogue's {@code <code>-<name>-<quality>} pattern. */
    static FakeVoice of(String languageCode, String name, String quality, int modelSize) {
        String key = languageCode + "-" + name + "-" + quality;
        byte[] model = new byte[modelSize];
        new Random(key.hashCode()).nextBytes(model);
        byte[] config = ("{\"audio\": {\"sample_rate\": 22050}, \"dataset\": \"" + name + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new FakeVoice(key, languageCode, name, quality, model, config);
    }

    String family() {
        return languageCode.split("_", 2)[0];
    }

    /** Nested like the real catalogue, so that tests see the flat install layout differ from it. */
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
