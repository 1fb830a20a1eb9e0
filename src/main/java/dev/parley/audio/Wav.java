package dev.parley.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** RIFF/WAVE encoding of mono 16-bit PCM, and decoding of the same (what espeak-ng writes). */
public final class Wav {

    static final int HEADER_BYTES = 44;

    private Wav() {
    }

    /** A complete WAV file with exact RIFF and data chunk sizes. */
    public static byte[] encode(Pcm pcm) {
        byte[] data = pcm.toLittleEndianBytes();
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.putInt(36 + data.length);
        out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII));
        out.putInt(16);
        out.putShort((short) 1); // PCM
        out.putShort((short) 1); // mono
        out.putInt(pcm.sampleRate());
        out.putInt(pcm.sampleRate() * 2); // byte rate
        out.putShort((short) 2); // block align
        out.putShort((short) 16); // bits per sample
        out.put("data".getBytes(StandardCharsets.US_ASCII));
        out.putInt(data.length);
        out.put(data);
        return out.array();
    }

    /**
     * Decodes a mono 16-bit PCM WAV file. Chunk sizes that overstate the data (espeak-ng writes
     * 0x7ffff000-style placeholders when it streams to stdout) are clamped to the bytes present.
     *
     * @throws IllegalArgumentException if the bytes are not such a file
     */
    public static Pcm decode(byte[] wav) {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || !tag(wav, 0).equals("RIFF") || !tag(wav, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a RIFF/WAVE file");
        }
        int position = 12;
        int sampleRate = -1;
        while (position + 8 <= wav.length) {
            String id = tag(wav, position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > wav.length) {
                    throw new IllegalArgumentException("truncated fmt chunk");
                }
                int format = in.getShort(body) & 0xffff;
                int channels = in.getShort(body + 2) & 0xffff;
                int bits = in.getShort(body + 14) & 0xffff;
                if (format != 1 || channels != 1 || bits != 16) {
                    throw new IllegalArgumentException(
                            "only mono 16-bit PCM is supported (format " + format + ", channels " + channels
                                    + ", bits " + bits + ")");
                }
                sampleRate = in.getInt(body + 4);
            } else if (id.equals("data")) {
                if (sampleRate <= 0) {
                    throw new IllegalArgumentException("data chunk before fmt chunk");
                }
                int length = (int) Math.min(size, wav.length - body);
                return Pcm.fromLittleEndianBytes(wav, body, length, sampleRate);
            }
            position = (int) Math.min((long) body + size + (size & 1), wav.length);
        }
        throw new IllegalArgumentException("no data chunk");
    }

    private static String tag(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
