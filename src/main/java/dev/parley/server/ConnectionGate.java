package dev.parley.server;

import dev.parley.concurrent.DaemonThreads;
import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the sockets the server holds. Java-WebSocket accepts every connection and only watches
 * those that completed their handshake, so sockets that send half a request and wait would pile
 * up until file descriptors run out. This factory sees every accepted socket: it counts them
 * until they close, drops those that have not sent a complete request within the deadline, and at
 * the limit makes room by dropping the oldest socket still in its request; only when every socket
 * is a real connection is a new one refused (closed at once). So a flood of idle sockets cannot
 * lock out a real client, whose request completes in milliseconds. The same deadline bounds how
 * long a socket the server is closing may linger.
 *
 * <p>Sockets are admitted on Java-WebSocket's selector thread; {@link #closed} is called on any
 * server thread. Owns one daemon thread that sweeps for late requests; {@link #close()} stops it.
 */
final class ConnectionGate implements WebSocketServerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);

    private final int maxConnections;
    private final long deadlineNanos;
    private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();
    private final Refusals refused = new Refusals();
    /** Sockets still sending their request, with the time they were accepted. */
    private final Map<WebSocketImpl, Long> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("parley-connection-gate"));

    ConnectionGate(int maxConnections, Duration deadline) {
        this.maxConnections = maxConnections;
        this.deadlineNanos = deadline.toNanos();
        long period = Math.max(50, Math.min(1000, deadline.toMillis() / 5));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
        return admit(new WebSocketImpl(adapter, draft));
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
        return admit(new WebSocketImpl(adapter, drafts));
    }

    private WebSocketImpl admit(WebSocketImpl connection) {
        if (open.size() >= maxConnections) {
            dropOldestPending();
        }
        if (open.size() < maxConnections) {
            open.add(connection);
            pending.put(connection, System.nanoTime());
        }
        return connection;
    }

    /**
     * Called with the new socket right after {@link #createWebSocket}; refusing it here makes
     * Java-WebSocket close the channel before a byte is read.
     */
    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
        if (!open.contains((WebSocket) key.attachment())) {
            if (refused.countAndShouldLog()) {
                LOG.warn("Refused a connection: {} are open (PARLEY_MAX_CONNECTIONS); {} refused so far",
                        open.size(), refused.total());
            }
            throw new IOException("connection limit reached");
        }
        return channel;
    }

    private void dropOldestPending() {
        WebSocketImpl oldest = null;
        long oldestSince = Long.MAX_VALUE;
        for (Map.Entry<WebSocketImpl, Long> entry : pending.entrySet()) {
            if (entry.getKey().getReadyState() != ReadyState.NOT_YET_CONNECTED) {
                pending.remove(entry.getKey());
            } else if (entry.getValue() < oldestSince) {
                oldest = entry.getKey();
                oldestSince = entry.getValue();
            }
        }
        if (oldest != null) {
            drop(oldest, CloseFrame.NEVER_CONNECTED, "too many connections: this one had not sent its request yet");
        }
    }

    /** The socket has closed, whatever its state. */
    void closed(WebSocket connection) {
        pending.remove(connection);
        open.remove(connection);
    }

    /** Whether the socket is open as far as the gate knows: admitted and not closed or dropped. */
    boolean holds(WebSocket connection) {
        return open.contains(connection);
    }

    /** Sockets open now, including those still sending their request. */
    int open() {
        return open.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        pending.forEach((connection, since) -> {
            if (connection.getReadyState() != ReadyState.NOT_YET_CONNECTED) {
                pending.remove(connection);
            } else if (now - since > deadlineNanos) {
                drop(connection, CloseFrame.NEVER_CONNECTED, "request not completed in time");
            }
        });
    }

    /**
     * The server has started closing the socket: it is dropped if still open after the deadline.
     * A client that does not read never receives the close frame, and Java-WebSocket would keep
     * the socket and the bytes queued for it until it notices the lost connection, minutes later.
     */
    void closing(WebSocketImpl connection) {
        sweeper.schedule(() -> {
            if (open.contains(connection)) {
                drop(connection, CloseFrame.POLICY_VALIDATION, "client did not take the close in time");
            }
        }, deadlineNanos, TimeUnit.NANOSECONDS);
    }

    private void drop(WebSocketImpl connection, int code, String reason) {
        pending.remove(connection);
        open.remove(connection);
        connection.closeConnection(code, reason);
        connection.outQueue.clear();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        pending.clear();
        open.clear();
    }
}
