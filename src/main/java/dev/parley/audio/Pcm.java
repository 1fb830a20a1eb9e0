package dev.parley.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Mono 16-bit signed PCM audio at a given sample rate.
 *
 * <p>Immutable by convention: the sample array is owned by this object once constructed and
 * must not be modified by whoever created it.
 *
 * @param samples the samples, one per frame
 * @param sampleRate frames per second, positive
 */
public record Pcm(short[] samples, int sampleRate) {

    public Pcm {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
    }

    /** Length of the audio in milliseconds. */
    public long durationMillis() {
        return samples.length * 1000L / sampleRate;
    }

    /** Length of the audio in nanoseconds. */
    public long durationNanos() {
        return samples.length * 1_000_000_000L / sampleRate;
    }

    /** The samples as little-endian bytes, the byte order of WAV and of Java Sound lines we open. */
    public byte[] toLittleEndianBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(samples);
        return buffer.array();
    }

    /** Reads little-endian 16-bit samples; a trailing odd byte is ignored. */
    public static Pcm fromLittleEndianBytes(byte[] bytes, int offset, int length, int sampleRate) {
        short[] samples = new short[length / 2];
        ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return new Pcm(samples, sampleRate);
    }
}
