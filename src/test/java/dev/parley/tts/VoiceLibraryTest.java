package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceLibraryTest {

    static EspeakPhonemizer phonemizer;

    @TempDir
    Path folder;

    PiperEngine engine;

    @BeforeAll
    static void setUp() {
        phonemizer = new EspeakPhonemizer(new EspeakCommand(EspeakCommand.DEFAULT_EXECUTABLE, EspeakCommand.DEFAULT_TIMEOUT));
    }

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    static Map<String, Voice> byId(List<Voice> voices) {
        return voices.stream().collect(Collectors.toMap(Voice::id, v -> v));
    }

    @Test
    void listsBrokenVoicesNextToAGoodOneWithTheirReasons() throws Exception {
        TestVoices.install(TestVoices.SINGLE, folder, "en_US-good-low");
        Files.writeString(folder.resolve("en_US-garbage-low.onnx"), "not a model");
        Files.copy(TestVoices.resource(TestVoices.SINGLE + ".onnx.json"), folder.resolve("en_US-garbage-low.onnx.json"));
        Files.copy(TestVoices.resource(TestVoices.SINGLE + ".onnx"), folder.resolve("en_US-badjson-low.onnx"));
        Files.writeString(folder.resolve("en_US-badjson-low.onnx.json"), "{\"audio\": {");
        Files.copy(TestVoices.resource(TestVoices.SINGLE + ".onnx"), folder.resolve("en_US-nojson-low.onnx"));
        Files.copy(TestVoices.resource(TestVoices.SINGLE + ".onnx.json"), folder.resolve("en_US-nomodel-low.onnx.json"));
        TestVoices.install(TestVoices.SINGLE, folder, "en_US-incomplete-low", config -> config.remove("phoneme_id_map"));
        Files.writeString(folder.resolve("README.txt"), "not a voice");

        Map<String, Voice> voices = byId(new VoiceLibrary(List.of(folder)).voices());

        assertThat(voices).containsOnlyKeys("en_US-good-low", "en_US-garbage-low", "en_US-badjson-low", "en_US-nojson-low",
                "en_US-nomodel-low", "en_US-incomplete-low");
        assertThat(voices.get("en_US-good-low").available()).isTrue();
        assertThat(voices.get("en_US-good-low").reason()).isNull();
        assertThat(voices.get("en_US-garbage-low").reason()).contains("en_US-garbage-low.onnx: not an ONNX model");
        assertThat(voices.get("en_US-badjson-low").reason()).contains("en_US-badjson-low.onnx.json: not valid JSON");
        assertThat(voices.get("en_US-nojson-low").reason()).isEqualTo("config file en_US-nojson-low.onnx.json is missing");
        assertThat(voices.get("en_US-nomodel-low").reason()).isEqualTo("model file en_US-nomodel-low.onnx is missing");
        assertThat(voices.get("en_US-incomplete-low").reason()).contains("phoneme_id_map is missing");
        assertThat(voices.values()).filteredOn(v -> !v.id().equals("en_US-good-low")).noneMatch(Voice::available);
        assertThat(voices.get("en_US-badjson-low").language()).isEqualTo("en_US");
        assertThat(voices.get("en_US-badjson-low").quality()).isEqualTo("low");
    }

    @Test
    void modelsWithoutPipersInputsAreUnavailableFromTheScan() throws Exception {
        TestVoices.install(TestVoices.WRONG_INPUTS, folder, "en_US-wronginputs-low");
        TestVoices.install(TestVoices.SINGLE, folder, "en_US-nosid-low", config -> config.put("num_speakers", 2));
        TestVoices.install(TestVoices.MULTI, folder, "en_US-extrasid-low", config -> config.put("num_speakers", 1));
        engine = new PiperEngine(new VoiceLibrary(List.of(folder)), phonemizer, 1);

        Map<String, Voice> voices = byId(engine.voices());

        assertThat(voices.get("en_US-wronginputs-low").available()).isFalse();
        assertThat(voices.get("en_US-wronginputs-low").reason())
                .isEqualTo("en_US-wronginputs-low.onnx: the model has no input 'input' (inputs [tokens, input_lengths, scales]);"
                        + " not a Piper voice");
        assertThat(voices.get("en_US-nosid-low").available()).isFalse();
        assertThat(voices.get("en_US-nosid-low").reason()).contains("2 speakers but the model has no 'sid' input");
        // A single-speaker voice with a sid input is fed speaker 0.
        assertThat(voices.get("en_US-extrasid-low").available()).isTrue();
        assertThat(engine.synthesize("Hi.", voices.get("en_US-extrasid-low"), SpeechSettings.DEFAULT).samples())
                .hasSize(13 * TestVoiceAudio.SEGMENT);
        assertThatThrownBy(() -> engine.synthesize("Hi.", voices.get("en_US-wronginputs-low"), SpeechSettings.DEFAULT))
                .isInstanceOf(TtsException.class).hasMessageContaining("no input 'input'");
    }

    @Test
    void picksUpAVoiceCopiedInWhileRunning() throws Exception {
        engine = new PiperEngine(new VoiceLibrary(List.of(folder)), phonemizer, 1);
        assertThat(engine.voices()).isEmpty();

        Files.copy(TestVoices.resource(TestVoices.SINGLE + ".onnx"), folder.resolve("en_US-late-low.onnx"));
        assertThat(engine.voices()).singleElement().satisfies(v -> {
            assertThat(v.available()).isFalse();
            assertThat(v.reason()).contains("config file");
        });

        Files.copy(TestVoices.resource(TestVoices.SINGLE + ".onnx.json"), folder.resolve("en_US-late-low.onnx.json"));
        Voice late = engine.voices().get(0);

        assertThat(late.available()).isTrue();
        assertThat(engine.synthesize("Hi.", late, SpeechSettings.DEFAULT).samples()).hasSize(13 * TestVoiceAudio.SEGMENT);
    }

    @Test
    void aRepairedVoiceBecomesAvailable() throws Exception {
        Files.copy(TestVoices.resource(TestVoices.SINGLE + ".onnx"), folder.resolve("en_US-fixed-low.onnx"));
        Files.writeString(folder.resolve("en_US-fixed-low.onnx.json"), "{");
        VoiceLibrary library = new VoiceLibrary(List.of(folder));
        assertThat(library.voices().get(0).available()).isFalse();

        Files.write(folder.resolve("en_US-fixed-low.onnx.json"),
                Files.readAllBytes(TestVoices.resource(TestVoices.SINGLE + ".onnx.json")));

        assertThat(library.voices().get(0).available()).isTrue();
    }

    @Test
    void earlierFoldersWinAndMissingFoldersHoldNothing(@TempDir Path second) throws IOException {
        TestVoices.install(TestVoices.SINGLE, folder, "en_US-same-low", TestVoices.languageAndQuality("en_US", "low"));
        TestVoices.install(TestVoices.SINGLE, second, "en_US-same-low", TestVoices.languageAndQuality("en_US", "high"));
        TestVoices.install(TestVoices.MULTI, second, "en_GB-other-low");

        VoiceLibrary library = new VoiceLibrary(List.of(folder.resolve("does-not-exist"), folder, second));

        assertThat(library.voices()).extracting(Voice::id, Voice::quality).containsExactly(
                tuple("en_GB-other-low", "low"),
                tuple("en_US-same-low", "low"));
        assertThat(library.find("en_US-same-low").orElseThrow().model().getParent()).isEqualTo(folder);
    }
}
