package dev.parley.audio;

/**
 * Scales samples while encoding them for a line. Done in software because ALSA lines often lack a
 * MASTER_GAIN control, and so that a change applies from the next write block on.
 */
final class SoftwareGain {

    private SoftwareGain() {
    }

    /**
     * Writes {@code samples[from, to)} times {@code gain} (0.0..1.0, rounded half up) into {@code out}
     * as little-endian 16-bit, starting at index 0.
     */
    static void encode(short[] samples, int from, int to, double gain, byte[] out) {
        int index = 0;
        for (int i = from; i < to; i++) {
            int sample = gain == 1.0 ? samples[i] : (int) Math.round(samples[i] * gain);
            out[index++] = (byte) sample;
            out[index++] = (byte) (sample >> 8);
        }
    }
}
