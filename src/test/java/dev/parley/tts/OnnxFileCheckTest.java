package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnnxFileCheckTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {TestVoices.SINGLE, TestVoices.MULTI, TestVoices.TEXT, TestVoices.WRONG_INPUTS})
    void acceptsOnnxModels(String voice) {
        assertThat(OnnxFileCheck.problem(TestVoices.resource(voice + ".onnx"))).isEmpty();
    }

    @Test
    void rejectsGarbage() throws IOException {
        Path model = Files.writeString(dir.resolve("garbage.onnx"), "this is not a model, just some text\n");

        assertThat(OnnxFileCheck.problem(model)).get().asString().startsWith("not an ONNX model");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path model = Files.write(dir.resolve("empty.onnx"), new byte[0]);

        assertThat(OnnxFileCheck.problem(model)).contains("the model file is empty");
    }

    @Test
    void rejectsATruncatedModel() throws IOException {
        byte[] whole = Files.readAllBytes(TestVoices.resource(TestVoices.SINGLE + ".onnx"));
        Path model = Files.write(dir.resolve("half.onnx"), Arrays.copyOf(whole, whole.length / 2));

        assertThat(OnnxFileCheck.problem(model)).get().asString().contains("truncated");
    }

    @Test
    void rejectsProtobufThatIsNoModel() throws IOException {
        // field 2 (producer_name) only: valid protobuf, but no graph
        byte[] bytes = {0x12, 0x03, 'a', 'b', 'c'};
        Path model = Files.write(dir.resolve("nograph.onnx"), bytes);

        assertThat(OnnxFileCheck.problem(model)).get().asString().contains("no graph");
    }

    @Test
    void reportsUnreadableFiles() {
        assertThat(OnnxFileCheck.problem(dir.resolve("missing.onnx"))).get().asString().startsWith("cannot read");
    }
}
