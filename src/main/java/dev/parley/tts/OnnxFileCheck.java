package dev.parley.tts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A cheap look at whether a file can be an ONNX model, without loading it: an ONNX file is one
 * protobuf {@code ModelProto}, so its top-level fields must have valid wire types, their lengths must
 * add up to exactly the file size, and the {@code ir_version} (1) and {@code graph} (7) fields must be
 * there. Only field headers are read, so a 60 MB voice costs a few reads. This catches garbage,
 * truncated and half-copied files at scan time; whether ONNX Runtime accepts the graph is only known
 * when the session loads.
 */
final class OnnxFileCheck {

    private static final int IR_VERSION_FIELD = 1;
    private static final int GRAPH_FIELD = 7;
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private OnnxFileCheck() {
    }

    /** Why {@code model} is not an ONNX model; empty when it looks like one. */
    static Optional<String> problem(Path model) {
        try (FileChannel channel = FileChannel.open(model, StandardOpenOption.READ)) {
            return problem(channel);
        } catch (IOException e) {
            return Optional.of("cannot read the model: " + e.getMessage());
        }
    }

    static Optional<String> problem(SeekableByteChannel in) throws IOException {
        long size = in.size();
        if (size == 0) {
            return Optional.of("the model file is empty");
        }
        boolean irVersion = false;
        boolean graph = false;
        ByteBuffer header = ByteBuffer.allocate(20);
        long position = 0;
        while (position < size) {
            header.clear();
            in.position(position);
            while (header.hasRemaining() && in.read(header) > 0) {
                // fill what is there
            }
            header.flip();
            long tag = readVarint(header);
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (tag < 0 || field == 0) {
                return Optional.of(notAModel(position));
            }
            long length;
            switch (wireType) {
                case VARINT -> {
                    if (readVarint(header) < 0) {
                        return Optional.of(notAModel(position));
                    }
                    length = 0;
                }
                case FIXED64 -> length = 8;
                case FIXED32 -> length = 4;
                case LENGTH_DELIMITED -> length = readVarint(header);
                default -> {
                    return Optional.of(notAModel(position));
                }
            }
            if (length < 0) {
                return Optional.of(notAModel(position));
            }
            irVersion |= field == IR_VERSION_FIELD && wireType == VARINT;
            graph |= field == GRAPH_FIELD && wireType == LENGTH_DELIMITED;
            position += header.position() + length;
        }
        if (position != size) {
            return Optional.of("the model file is truncated (incomplete copy or download?)");
        }
        if (!irVersion || !graph) {
            return Optional.of("not an ONNX model (no " + (graph ? "ir_version" : "graph") + ")");
        }
        return Optional.empty();
    }

    private static String notAModel(long position) {
        return "not an ONNX model (bad protobuf data at byte " + position + ")";
    }

    /** A protobuf varint, or -1 when the bytes end or run past 10 bytes. */
    private static long readVarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!in.hasRemaining()) {
                return -1;
            }
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }
}
