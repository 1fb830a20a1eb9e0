package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftwareGainTest {

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({
        "1000, 1.0, 1000", "-32768, 1.0, -32768", "32767, 1.0, 32767",
        "1000, 0.5, 500", "-1000, 0.5, -500", "3, 0.5, 2", "-3, 0.5, -1", "-32768, 0.5, -16384",
        "32767, 0.0, 0", "-32768, 0.0, 0", "12345, 0.1, 1235"})
    void scalesAndEncodesLittleEndian(short sample, double gain, short expected) {
        short[] samples = {7, sample, 9};
        byte[] out = {-1, -1, -1};

        SoftwareGain.encode(samples, 1, 2, gain, out);

        assertThat(out).containsExactly((byte) expected, (byte) (expected >> 8), -1);
    }
}
