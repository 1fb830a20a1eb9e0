package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnnxFileCheckTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        TestVoices.SINGLE + "       | input input_lengths scales     | output",
        TestVoices.MULTI + "        | input input_lengths scales sid | output",
        TestVoices.TEXT + "         | input input_lengths scales     | output",
        TestVoices.WRONG_INPUTS + " | tokens input_lengths scales    | output",
        TestVoices.BAD_GRAPH + "    | input input_lengths scales     | output",
    })
    void readsTheGraphsInputAndOutputNames(String voice, String inputs, String outputs) throws IOException {
        OnnxFileCheck.Graph graph = OnnxFileCheck.read(TestVoices.resource(voice + ".onnx"));

        assertThat(graph.inputs()).containsExactly(inputs.split(" "));
        assertThat(graph.outputs()).containsExactly(outputs.split(" "));
    }

    @Test
    void skipsLargeFieldsByTheirLength() throws IOException {
        byte[] initializer = new byte[3_000_000];
        byte[] graph = concat(
                field(5, concat(field(8, "weights"), field(9, initializer))),
                field(11, field(1, "tokens")),
                field(11, field(1, "ids")),
                field(12, field(1, "wav")));
        Path model = Files.write(dir.resolve("big.onnx"), concat(new byte[] {0x08, 0x08}, field(7, graph)));

        OnnxFileCheck.Graph read = OnnxFileCheck.read(model);

        assertThat(read.inputs()).containsExactly("tokens", "ids");
        assertThat(read.outputs()).containsExactly("wav");
    }

    @Test
    void rejectsGarbage() throws IOException {
        Path model = Files.writeString(dir.resolve("garbage.onnx"), "this is not a model, just some text\n");

        assertThatThrownBy(() -> OnnxFileCheck.read(model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an ONNX model");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path model = Files.write(dir.resolve("empty.onnx"), new byte[0]);

        assertThatThrownBy(() -> OnnxFileCheck.read(model)).hasMessage("the model file is empty");
    }

    @Test
    void rejectsATruncatedModel() throws IOException {
        byte[] whole = Files.readAllBytes(TestVoices.resource(TestVoices.SINGLE + ".onnx"));
        Path model = Files.write(dir.resolve("half.onnx"), Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> OnnxFileCheck.read(model)).hasMessageContaining("truncated");
    }

    @Test
    void rejectsProtobufThatIsNoModel() throws IOException {
        // field 2 (producer_name) only: valid protobuf, but no graph
        Path model = Files.write(dir.resolve("nograph.onnx"), field(2, "abc"));

        assertThatThrownBy(() -> OnnxFileCheck.read(model)).hasMessageContaining("no graph");
    }

    @Test
    void rejectsAGraphThatIsNoProtobuf() throws IOException {
        Path model = Files.write(dir.resolve("badgraph.onnx"), concat(new byte[] {0x08, 0x08}, field(7, new byte[] {(byte) 0xff})));

        assertThatThrownBy(() -> OnnxFileCheck.read(model)).hasMessageStartingWith("not an ONNX model (bad graph data");
    }

    @Test
    void unreadableFilesAreNoModelProblem() {
        assertThatThrownBy(() -> OnnxFileCheck.read(dir.resolve("missing.onnx"))).isInstanceOf(NoSuchFileException.class);
    }

    /** A length-delimited protobuf field. */
    private static byte[] field(int number, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, (long) number << 3 | 2);
        varint(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] field(int number, String value) {
        return field(number, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        for (long v = value; ; v >>>= 7) {
            if (v < 0x80) {
                out.write((int) v);
                return;
            }
            out.write((int) (v & 0x7f) | 0x80);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List.of(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
