package dev.parley.tts;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what the test voices made by {@code tools/make_test_voice.py} were fed. Each input id
 * became {@code K} samples (64 at length_scale 1.0, scaled by length_scale) of amplitude
 * proportional to (id + 1) with the sign alternating per sample; multi-speaker voices append
 * {@code sid} segments of amplitude 1. Every sentence starts with "^" (id 1, amplitude 2), which
 * gives the unit; the loudest segment then refines it so that ids come out exact after Piper's
 * 16-bit normalisation.
 */
final class TestVoiceAudio {

    static final int SEGMENT = 64;

    private TestVoiceAudio() {
    }

    /** Decodes {@code count} segments of {@code length} samples starting at sample {@code from}. */
    static List<Integer> decode(short[] samples, int from, int count, int length) {
        double[] amplitudes = new double[count];
        double loudest = 0;
        for (int segment = 0; segment < count; segment++) {
            int start = from + segment * length;
            int first = samples[start];
            for (int i = 0; i < length; i++) {
                int expectedSign = i % 2 == 0 ? 1 : -1;
                if (Integer.signum(samples[start + i]) != expectedSign * Integer.signum(first)) {
                    throw new AssertionError("segment " + segment + " is not a square wave at sample " + i);
                }
                amplitudes[segment] = Math.max(amplitudes[segment], Math.abs(samples[start + i]));
            }
            loudest = Math.max(loudest, amplitudes[segment]);
        }
        double roughUnit = amplitudes[0] / 2;
        double unit = loudest / Math.round(loudest / roughUnit);
        List<Integer> ids = new ArrayList<>();
        for (double amplitude : amplitudes) {
            ids.add((int) Math.round(amplitude / unit) - 1);
        }
        return ids;
    }

    /** The peak of |sample| over a range. */
    static int peak(short[] samples, int from, int to) {
        int peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }

    static List<Integer> list(long[] ids) {
        List<Integer> list = new ArrayList<>();
        for (long id : ids) {
            list.add((int) id);
        }
        return list;
    }
}
