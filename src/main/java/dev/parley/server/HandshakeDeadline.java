package dev.parley.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.server.DefaultWebSocketServerFactory;

/**
 * Closes connections that have not completed their request within a deadline. Java-WebSocket
 * only watches connections after their handshake, so a client that sends half a request and
 * waits would otherwise hold a socket (and its buffer) forever.
 *
 * <p>Owns one daemon thread that sweeps every second; {@link #close()} stops it.
 */
final class HandshakeDeadline extends DefaultWebSocketServerFactory {

    private final long deadlineNanos;
    private final Map<WebSocketImpl, Long> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-handshake-deadline");
        thread.setDaemon(true);
        return thread;
    });

    HandshakeDeadline(long deadline, TimeUnit unit) {
        this.deadlineNanos = unit.toNanos(deadline);
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
        return track(super.createWebSocket(adapter, draft));
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
        return track(super.createWebSocket(adapter, drafts));
    }

    private WebSocketImpl track(WebSocketImpl connection) {
        pending.put(connection, System.nanoTime());
        return connection;
    }

    void sweep() {
        long now = System.nanoTime();
        pending.forEach((connection, since) -> {
            if (connection.getReadyState() != ReadyState.NOT_YET_CONNECTED) {
                pending.remove(connection);
            } else if (now - since > deadlineNanos) {
                pending.remove(connection);
                connection.closeConnection(CloseFrame.NEVER_CONNECTED, "request not completed in time");
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        pending.clear();
    }
}
