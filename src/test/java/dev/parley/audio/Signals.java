package dev.parley.audio;

import java.io.ByteArrayOutputStream;

/** Test audio whose chunks are told apart by content. */
final class Signals {

    private Signals() {
    }

    /**
     * {@code length} even, non-zero samples that differ from those of another {@code seed}, so halving
     * them is exact and a misplaced or missing chunk shows.
     */
    static Pcm chunk(int seed, int length, int sampleRate) {
        short[] samples = new short[length];
        for (int i = 0; i < length; i++) {
            int value = ((seed * 7919 + i * 131) % 16000) * 2 - 16000;
            samples[i] = (short) (value == 0 ? 2 : value);
        }
        return new Pcm(samples, sampleRate);
    }

    static byte[] bytes(Pcm... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Pcm chunk : chunks) {
            out.writeBytes(chunk.toLittleEndianBytes());
        }
        return out.toByteArray();
    }

    /** The chunk at half amplitude: exact, as its samples are even. */
    static Pcm halved(Pcm pcm) {
        short[] samples = new short[pcm.samples().length];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (pcm.samples()[i] / 2);
        }
        return new Pcm(samples, pcm.sampleRate());
    }
}
