package dev.parley.tts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Copies the committed test voices (src/test/resources/voices) into test folders. */
final class TestVoices {

    static final String SINGLE = "en_US-test-x_low";
    static final String MULTI = "en_GB-testmulti-low";
    static final String TEXT = "de_DE-testtext-low";
    static final String WRONG_INPUTS = "broken/en_US-wronginputs-low";
    static final String BAD_GRAPH = "broken/en_US-badgraph-low";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestVoices() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestVoices.class.getResource("/voices/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies voice {@code source} into {@code folder} as {@code NAME.onnx} + {@code NAME.onnx.json}. */
    static void install(String source, Path folder, String name) {
        install(source, folder, name, config -> { });
    }

    /** As {@link #install(String, Path, String)}, editing the config on the way. */
    static void install(String source, Path folder, String name, Consumer<ObjectNode> edit) {
        try {
            Files.createDirectories(folder);
            Files.copy(resource(source + ".onnx"), folder.resolve(name + ".onnx"));
            ObjectNode config = (ObjectNode) JSON.readTree(resource(source + ".onnx.json").toFile());
            edit.accept(config);
            Files.write(folder.resolve(name + ".onnx.json"), JSON.writeValueAsBytes(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets {@code language.code} and {@code audio.quality}. */
    static Consumer<ObjectNode> languageAndQuality(String language, String quality) {
        return config -> {
            ((ObjectNode) config.path("language")).put("code", language);
            ((ObjectNode) config.path("audio")).put("quality", quality);
        };
    }
}
