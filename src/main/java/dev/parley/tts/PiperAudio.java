package dev.parley.tts;

/** Piper's conversion of model output to 16-bit samples. */
final class PiperAudio {

    private static final float MAX_SAMPLE = 32767f;
    private static final float MIN_PEAK = 0.01f;

    private PiperAudio() {
    }

    /**
     * Peak-normalises one sentence of model output as Piper does: {@code scale = 32767 /
     * max(0.01, max|x|)}, each sample scaled, clamped to ±32767 and truncated toward zero (C++'s
     * float-to-int16 cast). Quiet output (peak under 0.01) is therefore not blown up to full scale.
     */
    static short[] toPcm16(float[] audio) {
        float peak = MIN_PEAK;
        for (float sample : audio) {
            peak = Math.max(peak, Math.abs(sample));
        }
        float scale = MAX_SAMPLE / peak;
        short[] samples = new short[audio.length];
        for (int i = 0; i < audio.length; i++) {
            samples[i] = (short) Math.max(-MAX_SAMPLE, Math.min(MAX_SAMPLE, audio[i] * scale));
        }
        return samples;
    }
}
