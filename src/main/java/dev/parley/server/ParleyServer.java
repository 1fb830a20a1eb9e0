package dev.parley.server;

import dev.parley.chat.ChatService;
import dev.parley.concurrent.DaemonThreads;
import dev.parley.tts.Voice;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server: the chat stream at {@code /ws/chat/stream} plus {@code GET /health} and
 * {@code GET /voices} on the same port. Java-WebSocket's threads only parse and dispatch; starting
 * a stream (choosing and loading a voice, reading the conversation) and writing its events run on
 * this server's own small pool.
 *
 * <p>Resources are bounded whatever clients do: open sockets ({@link ConnectionGate}), replies
 * streaming at once (more get error 503 at once), bytes queued for a client that does not read
 * ({@link SendLimit}), and the size of requests and client frames.
 *
 * <p>Lifecycle: {@link #start} once, {@link #stop} once. Owns its threads.
 */
public final class ParleyServer {

    private static final Logger LOG = LoggerFactory.getLogger(ParleyServer.class);
    /**
     * Connections the kernel may queue before they are accepted. Java's default, 50, drops the
     * rest of a burst (a script opening 200 streams at once), whose connects then retry after a
     * second.
     */
    private static final int ACCEPT_BACKLOG = 512;

    private final Endpoint endpoint;
    private final ChatService chat;
    private final SpeechResolver speech;
    private final ServerOptions options;
    private final ExecutorService work = Executors.newFixedThreadPool(4, DaemonThreads.named("parley-ws-work"));
    private final ExecutorService delivery = Executors.newFixedThreadPool(2, DaemonThreads.named("parley-ws-send"));
    private final ConnectionGate gate;
    private final SendLimit sendLimit;
    private final Semaphore replies;
    private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    private volatile Runnable connectionsListener = () -> { };

    public ParleyServer(ServerOptions options, ChatService chat, SpeechResolver speech, Supplier<Health> health,
            Supplier<List<Voice>> voices) {
        this.chat = chat;
        this.speech = speech;
        this.options = options;
        this.gate = new ConnectionGate(options.maxConnections(), options.handshakeTimeout());
        this.sendLimit = new SendLimit(options.sendQueueBytes());
        this.replies = new Semaphore(options.maxReplies());
        Routes routes = new Routes(health, voices, new OriginPolicy(options.allowedOrigins()),
                new HostPolicy(options.host()), AccessToken.of(options.token()), sessions::size,
                options.maxReplies(), options.maxUrlBytes(), options.version());
        this.endpoint = new Endpoint(new InetSocketAddress(options.host(), options.port()),
                new HttpDraft(routes, options.maxFrameBytes(), Routes.maxHeadBytes(options.maxUrlBytes())));
    }

    /**
     * Binds and starts serving; returns once the port is open.
     *
     * @throws BindException when the port is in use or the host cannot be bound
     */
    public void start() throws IOException {
        checkPortIsFree();
        endpoint.start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IOException("the server did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the server", e);
        }
        if (startFailure != null) {
            shutdownThreads();
            if (startFailure instanceof BindException) {
                BindException bind = new BindException("port " + options.port() + " on " + options.host()
                        + " is in use or not available (" + startFailure.getMessage() + ")");
                bind.initCause(startFailure);
                throw bind;
            }
            throw new IOException("the server could not start: " + startFailure.getMessage(), startFailure);
        }
        LOG.info("Listening on ws://{}:{}{} (also GET /health, GET /voices)", options.host(), port(),
                Routes.STREAM_PATH);
    }

    /**
     * Binds the port once before Java-WebSocket does, because its own bind failure is logged as a
     * stack trace before it reaches us.
     */
    private void checkPortIsFree() throws BindException {
        if (options.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(options.host(), options.port()));
        } catch (IOException e) {
            BindException bind = new BindException("port " + options.port() + " on " + options.host()
                    + " is in use or not available (" + e.getMessage() + ")");
            bind.initCause(e);
            shutdownThreads();
            throw bind;
        }
    }

    private void shutdownThreads() {
        work.shutdownNow();
        delivery.shutdownNow();
        gate.close();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return endpoint.getPort();
    }

    public String host() {
        return options.host();
    }

    /**
     * The access token every request must carry, or {@code null} when none is needed: for the
     * window to hand to the person who runs it (a generated token is printed only to standard
     * output, which a desktop launch does not show). Never log it.
     */
    public String accessToken() {
        return options.token();
    }

    /** Streams open right now. */
    public int connections() {
        return sessions.size();
    }

    /** Sockets open right now, streams or not, including those still sending their request. */
    public int sockets() {
        return gate.open();
    }

    /**
     * The most bytes ever queued for one client, counting the message being added; stays at or
     * below {@link ServerOptions#sendQueueBytes()} since a client that would exceed it is dropped.
     */
    public long peakQueuedBytes() {
        return sendLimit.peak();
    }

    /**
     * Bytes queued now for all clients together: what slow clients make the server hold. At most
     * {@link ServerOptions#sendQueueBytes()} per open WebSocket.
     */
    public long queuedBytes() {
        long total = 0;
        for (WebSocket connection : endpoint.getConnections()) {
            total += SendLimit.queued(connection);
        }
        return total;
    }

    /** Called, on a server thread, whenever {@link #connections()} changes. */
    public void onConnectionsChanged(Runnable listener) {
        this.connectionsListener = listener;
    }

    /** Closes every connection and frees the port; running turns are cancelled. */
    public void stop() {
        try {
            endpoint.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdownThreads();
    }

    private final class Endpoint extends WebSocketServer {

        Endpoint(InetSocketAddress address, HttpDraft draft) {
            super(address, 2, List.of(draft));
            setReuseAddr(true);
            setTcpNoDelay(true);
            setMaxPendingConnections(ACCEPT_BACKLOG);
            setConnectionLostTimeout(60);
            setWebSocketFactory(gate);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            if (!gate.holds(connection)) {
                // Java-WebSocket handles a request it read before the client left as if the socket
                // were still there; forget the connection, or it and its reply slot would stay forever.
                removeConnection(connection);
                return;
            }
            if (connection.getDraft() instanceof HttpDraft draft && draft.answeredWithHttp()) {
                ((WebSocketImpl) connection).flushAndClose(CloseFrame.NORMAL, "plain HTTP response sent", false);
                return;
            }
            if (!replies.tryAcquire()) {
                LOG.warn("Refused a stream: {} replies are streaming (PARLEY_MAX_REPLIES)", options.maxReplies());
                connection.send(ProtocolJson.error(503, "busy, retry shortly: " + options.maxReplies()
                        + " replies are streaming"));
                connection.close(CloseFrame.NORMAL);
                return;
            }
            StreamSession session = new StreamSession(connection, handshake.getResourceDescriptor(), chat, speech,
                    work, delivery, sendLimit, options.maxMessageChars(), replies::release);
            connection.setAttachment(session);
            sessions.add(session);
            connectionsListener.run();
            if (!connection.isOpen()) {
                // The socket closed on another thread before the session was attached, so onClose
                // may have missed it; its reply slot must still come back.
                end(session);
                return;
            }
            work.execute(session::start);
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            StreamSession session = connection.getAttachment();
            if (session != null) {
                end(session);
            }
        }

        /** Cancels the session's turn and frees its reply slot; only the first call for a session acts. */
        private void end(StreamSession session) {
            if (sessions.remove(session)) {
                session.onClientClosed();
                connectionsListener.run();
            }
        }

        @Override
        public void onClosing(WebSocket connection, int code, String reason, boolean remote) {
            gate.closing((WebSocketImpl) connection);
        }

        /** Called for every socket that closes, including those that never completed a request. */
        @Override
        protected boolean removeConnection(WebSocket connection) {
            gate.closed(connection);
            return super.removeConnection(connection);
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            StreamSession session = connection.getAttachment();
            if (session != null) {
                session.onClientMessage(message);
            }
        }

        @Override
        public void onMessage(WebSocket connection, ByteBuffer message) {
            LOG.debug("Ignoring a binary message of {} bytes", message.remaining());
        }

        @Override
        public void onError(WebSocket connection, Exception error) {
            if (connection == null) {
                startFailure = error;
                started.countDown();
            } else {
                LOG.debug("WebSocket error on {}: {}", connection.getRemoteSocketAddress(), error.toString());
            }
        }
    }
}
