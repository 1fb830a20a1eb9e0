package dev.parley.tts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A cheap look at an ONNX model without loading it: whether the file is one, and its graph's input
 * and output names. An ONNX file is one protobuf {@code ModelProto}: its top-level fields must have
 * valid wire types, their lengths must add up to exactly the file size, and the {@code ir_version}
 * (1) and {@code graph} (7) fields must be there. In the {@code GraphProto} the {@code input} (11) and
 * {@code output} (12) {@code ValueInfoProto}s carry their names in field 1; everything else, such as
 * the initializers (5) that hold most of a model's bytes, is skipped by its length. So only field
 * headers and names are read: a 60 MB voice costs a few reads. This catches garbage, truncated and
 * half-copied files and models with the wrong inputs at scan time; whether ONNX Runtime accepts
 * the graph is only known when the session loads.
 */
final class OnnxFileCheck {

    private static final int IR_VERSION_FIELD = 1;
    private static final int GRAPH_FIELD = 7;
    private static final int GRAPH_INPUT_FIELD = 11;
    private static final int GRAPH_OUTPUT_FIELD = 12;
    private static final int VALUE_INFO_NAME_FIELD = 1;
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;
    private static final int MAX_NAME_BYTES = 64 * 1024;

    /** The names of a graph's inputs and outputs, in file order. */
    record Graph(List<String> inputs, List<String> outputs) {
    }

    private final SeekableByteChannel in;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(64 * 1024);
    private long windowStart;
    private long position;

    private OnnxFileCheck(SeekableByteChannel in, long size) {
        this.in = in;
        this.size = size;
        window.limit(0);
    }

    /**
     * Reads a model's graph signature.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming why the file is no ONNX model
     */
    static Graph read(Path model) throws IOException {
        try (FileChannel channel = FileChannel.open(model, StandardOpenOption.READ)) {
            return read(channel);
        }
    }

    /** As {@link #read(Path)}, from the channel's start. */
    static Graph read(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            throw new IllegalArgumentException("the model file is empty");
        }
        return new OnnxFileCheck(channel, size).graph();
    }

    private Graph graph() throws IOException {
        List<Field> model;
        try {
            model = fields(0, size);
        } catch (BadData e) {
            throw new IllegalArgumentException(e.runsPastEnd
                    ? "the model file is truncated (incomplete copy or download?)"
                    : "not an ONNX model (bad protobuf data at byte " + e.position + ")");
        }
        boolean irVersion = model.stream().anyMatch(f -> f.number() == IR_VERSION_FIELD && f.wireType() == VARINT);
        Field graph = model.stream().filter(f -> f.number() == GRAPH_FIELD && f.wireType() == LENGTH_DELIMITED)
                .findFirst().orElse(null);
        if (!irVersion || graph == null) {
            throw new IllegalArgumentException("not an ONNX model (no " + (graph == null ? "graph" : "ir_version") + ")");
        }
        try {
            List<String> inputs = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            for (Field field : fields(graph.start(), graph.end())) {
                if (field.number() == GRAPH_INPUT_FIELD && field.wireType() == LENGTH_DELIMITED) {
                    inputs.add(valueInfoName(field));
                } else if (field.number() == GRAPH_OUTPUT_FIELD && field.wireType() == LENGTH_DELIMITED) {
                    outputs.add(valueInfoName(field));
                }
            }
            return new Graph(List.copyOf(inputs), List.copyOf(outputs));
        } catch (BadData e) {
            throw new IllegalArgumentException("not an ONNX model (bad graph data at byte " + e.position + ")");
        }
    }

    private String valueInfoName(Field valueInfo) throws IOException, BadData {
        for (Field field : fields(valueInfo.start(), valueInfo.end())) {
            if (field.number() == VALUE_INFO_NAME_FIELD && field.wireType() == LENGTH_DELIMITED) {
                if (field.length() > MAX_NAME_BYTES) {
                    throw new BadData(field.start(), false);
                }
                byte[] name = new byte[(int) field.length()];
                for (int i = 0; i < name.length; i++) {
                    name[i] = (byte) byteAt(field.start() + i);
                }
                return new String(name, StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** The fields of the message between {@code from} and {@code to}. */
    private List<Field> fields(long from, long to) throws IOException, BadData {
        List<Field> fields = new ArrayList<>();
        position = from;
        while (position < to) {
            long fieldStart = position;
            long tag = varint(to);
            int wireType = (int) (tag & 7);
            if (tag < 0 || tag >>> 3 == 0 || tag >>> 3 > Integer.MAX_VALUE) {
                throw new BadData(fieldStart, false);
            }
            long length = wireType == LENGTH_DELIMITED ? varint(to) : 0;
            long start = position;
            length = switch (wireType) {
                case VARINT -> varint(to) < 0 ? -1 : position - start;
                case FIXED64 -> 8;
                case FIXED32 -> 4;
                case LENGTH_DELIMITED -> length;
                default -> -1;
            };
            if (length < 0) {
                throw new BadData(fieldStart, false);
            }
            if (length > to - start) {
                throw new BadData(fieldStart, true);
            }
            fields.add(new Field((int) (tag >>> 3), wireType, start, length));
            position = start + length;
        }
        return fields;
    }

    /**
     * The varint at {@code position}, which then moves past it; -1 when it does not end before
     * {@code limit} or within 10 bytes.
     */
    private long varint(long limit) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64 && position < limit; shift += 7) {
            int b = byteAt(position++);
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value < 0 ? -1 : value;
            }
        }
        return -1;
    }

    private int byteAt(long at) throws IOException {
        if (at < windowStart || at >= windowStart + window.limit()) {
            window.clear();
            in.position(at);
            while (window.hasRemaining() && in.read(window) > 0) {
                // fill what is there
            }
            window.flip();
            windowStart = at;
            if (!window.hasRemaining()) {
                throw new IOException("the model file shrank while being read");
            }
        }
        return window.get((int) (at - windowStart)) & 0xff;
    }

    /** @param start where its value starts, after the tag (and length) */
    private record Field(int number, int wireType, long start, long length) {
        long end() {
            return start + length;
        }
    }

    /** Not protobuf at {@code position}, or a field that runs past its message's end. */
    private static final class BadData extends Exception {
        final long position;
        final boolean runsPastEnd;

        BadData(long position, boolean runsPastEnd) {
            super(null, null, false, false);
            this.position = position;
            this.runsPastEnd = runsPastEnd;
        }
    }
}
