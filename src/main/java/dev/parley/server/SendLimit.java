package dev.parley.server;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAccumulator;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;

/**
 * Bounds the bytes queued for one client. Java-WebSocket queues every message sent without limit
 * until the socket takes it, so a client that stops reading would make the server hold its whole
 * reply, audio included, and hundreds of such clients would exhaust the heap. Thread-safe.
 */
final class SendLimit {

    /** A frame's header is at most 14 bytes; counted so that small messages are not free. */
    private static final int FRAME_HEADER_BYTES = 14;

    private final int maxBytes;
    private final LongAccumulator peak = new LongAccumulator(Long::max, 0);

    SendLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Whether a frame with this many payload bytes may be queued on the connection: what is queued
     * already plus this frame stays within the limit. Records the total for {@link #peak}.
     */
    boolean admits(WebSocket connection, int payloadBytes) {
        long total = queued(connection) + FRAME_HEADER_BYTES + payloadBytes;
        if (total > maxBytes) {
            return false;
        }
        peak.accumulate(total);
        return true;
    }

    /** The most bytes ever admitted for one connection at once. */
    long peak() {
        return peak.get();
    }

    /** Bytes queued on the connection now, waiting for the client to take them. */
    static long queued(WebSocket connection) {
        long bytes = 0;
        for (ByteBuffer buffer : ((WebSocketImpl) connection).outQueue) {
            bytes += buffer.remaining();
        }
        return bytes;
    }
}
