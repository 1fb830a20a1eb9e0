package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PiperAudioTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(new float[] {0.5f, -0.25f, 0f}, new short[] {32767, -16383, 0}),
                Arguments.of(new float[] {-2f, 1f}, new short[] {-32767, 16383}),
                // peaks under 0.01 are scaled as if the peak were 0.01
                Arguments.of(new float[] {0.001f, -0.005f}, new short[] {3276, -16383}),
                Arguments.of(new float[] {}, new short[] {}));
    }

    @ParameterizedTest
    @MethodSource("table")
    void normalisesThePeakLikePiper(float[] audio, short[] expected) {
        assertThat(PiperAudio.toPcm16(audio)).isEqualTo(expected);
    }
}
