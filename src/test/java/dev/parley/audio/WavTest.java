package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WavTest {

    @ParameterizedTest(name = "{1} samples at {0} Hz")
    @CsvSource({"16000, 0", "16000, 1000", "22050, 3", "22050, 22050"})
    void encodesExactHeaderSizesAndRoundTrips(int sampleRate, int length) {
        Pcm pcm = Signals.chunk(5, length, sampleRate);

        byte[] wav = Wav.encode(pcm);

        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(wav).hasSize(44 + 2 * length);
        assertThat(ascii(wav, 0)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(36 + 2 * length);
        assertThat(ascii(wav, 8)).isEqualTo("WAVE");
        assertThat(ascii(wav, 12)).isEqualTo("fmt ");
        assertThat(header.getInt(16)).isEqualTo(16);
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(sampleRate);
        assertThat(header.getInt(28)).as("byte rate").isEqualTo(2 * sampleRate);
        assertThat(header.getShort(32)).as("block align").isEqualTo((short) 2);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(ascii(wav, 36)).isEqualTo("data");
        assertThat(header.getInt(40)).isEqualTo(2 * length);

        Pcm decoded = Wav.decode(wav);
        assertThat(decoded.sampleRate()).isEqualTo(sampleRate);
        assertThat(decoded.samples()).isEqualTo(pcm.samples());
    }

    @ParameterizedTest(name = "RIFF size {0}, data size {1}")
    @CsvSource({"0x7ffff024, 0x7ffff000", "0xffffffff, 0xffffffff", "0x0, 0x7fffffff"})
    void clampsOversizedStreamingSizesToTheBytesPresent(String riffSize, String dataSize) {
        Pcm pcm = Signals.chunk(6, 777, 22050);
        byte[] wav = Wav.encode(pcm);
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, Integer.parseUnsignedInt(riffSize.substring(2), 16));
        header.putInt(40, Integer.parseUnsignedInt(dataSize.substring(2), 16));

        Pcm decoded = Wav.decode(wav);

        assertThat(decoded.sampleRate()).isEqualTo(22050);
        assertThat(decoded.samples()).isEqualTo(pcm.samples());
    }

    @Test
    void decodesWhatEspeakNgWritesToStdout() throws Exception {
        Process espeak = new ProcessBuilder("espeak-ng", "--stdout", "Hello there.")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] wav = espeak.getInputStream().readAllBytes();
        assertThat(espeak.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long declaredData = Integer.toUnsignedLong(ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(40));
        assertThat(declaredData).as("espeak-ng streams with a placeholder size").isGreaterThan(wav.length);

        Pcm pcm = Wav.decode(wav);

        assertThat(pcm.sampleRate()).isEqualTo(22050);
        assertThat(pcm.samples()).hasSize((wav.length - 44) / 2);
        int peak = 0;
        for (short sample : pcm.samples()) {
            peak = Math.max(peak, Math.abs(sample));
        }
        assertThat(peak).as("speech, not silence").isGreaterThan(1000);
    }

    @Test
    void skipsOtherChunksIncludingThePadByteOfAnOddSizedOne() {
        short[] samples = {1, -2, 300, -32768, 32767};
        byte[] wav = riff(fmt(16000, 1, 16), chunk("LIST", new byte[] {'I', 'N', 'F'}), chunk("data", le(samples)));

        Pcm pcm = Wav.decode(wav);

        assertThat(pcm.sampleRate()).isEqualTo(16000);
        assertThat(pcm.samples()).containsExactly(samples);
    }

    @Test
    void ignoresATrailingOddByteOfData() {
        byte[] data = {10, 0, 20, 0, 30};
        assertThat(Wav.decode(riff(fmt(16000, 1, 16), chunk("data", data))).samples()).containsExactly(10, 20);
    }

    static Stream<Arguments> malformed() {
        byte[] data = chunk("data", new byte[] {1, 0});
        return Stream.of(
                Arguments.of("not RIFF", "RIFX".getBytes(StandardCharsets.US_ASCII), "not a RIFF/WAVE file"),
                Arguments.of("stereo", riff(fmt(16000, 2, 16), data), "only mono 16-bit PCM"),
                Arguments.of("8-bit", riff(fmt(16000, 1, 8), data), "only mono 16-bit PCM"),
                Arguments.of("data before fmt", riff(data, fmt(16000, 1, 16)), "data chunk before fmt chunk"),
                Arguments.of("no data", riff(fmt(16000, 1, 16)), "no data chunk"),
                Arguments.of("truncated fmt", riff(chunk("fmt ", new byte[8])), "truncated fmt chunk"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsWhatIsNotMono16BitPcm(String name, byte[] wav, String message) {
        assertThatThrownBy(() -> Wav.decode(wav)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }

    private static byte[] fmt(int sampleRate, int channels, int bits) {
        ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) 1).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * bits / 8).putShort((short) (channels * bits / 8))
                .putShort((short) bits);
        return chunk("fmt ", body.array());
    }

    private static byte[] chunk(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array());
        out.writeBytes(body);
        if (body.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        return chunk("RIFF", body.toByteArray());
    }

    private static byte[] le(short[] samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.asShortBuffer().put(samples);
        return out.array();
    }
}
