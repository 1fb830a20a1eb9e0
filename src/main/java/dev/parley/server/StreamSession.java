package dev.parley.server;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.ChatListener;
import dev.parley.chat.ChatService;
import dev.parley.chat.ChatTurn;
import dev.parley.chat.TurnRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket stream: validates the request, starts the chat turn and writes its events as
 * protocol messages, then closes with 1000 after {@code complete}, {@code cancelled} or
 * {@code error}. A {@code {"type":"cancel"}} message or the client going away cancels the turn,
 * which cancels the upstream request. So does a client that stops reading: once its queued bytes
 * would pass the {@link SendLimit}, its socket is dropped at once (close code 1008 on the server's
 * side; no close frame can reach a client that does not read). Other client messages are ignored.
 *
 * <p>{@link #start} runs on the server's work pool; {@link #onClientMessage} and
 * {@link #onClientClosed} on Java-WebSocket threads (they only flag, and hand the cancellation to
 * the work pool); events arrive on the delivery executor. A cancel that arrives while the turn is
 * starting still gets the {@code streaming} status first, then {@code cancelled}.
 */
final class StreamSession implements ChatListener {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);

    private final WebSocket connection;
    private final String target;
    private final ChatService chat;
    private final SpeechResolver speech;
    private final Executor work;
    private final Executor delivery;
    private final SendLimit sendLimit;
    private final int maxMessageChars;
    private final Runnable onDone;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile ChatTurn turn;
    private volatile boolean stopRequested;
    private volatile String voiceId;

    /**
     * @param work runs {@link #start} and cancellations, which may block on disk and on the HTTP call
     * @param delivery writes the turn's events to the socket
     * @param sendLimit how much may wait in the socket's queue
     * @param maxMessageChars longest message accepted (see {@link StreamRequest#from})
     * @param onDone runs once, when the terminal message is sent or the client leaves, whichever is
     *     first: a client that never answers the close does not hold the reply's place meanwhile
     */
    StreamSession(WebSocket connection, String target, ChatService chat, SpeechResolver speech, Executor work,
            Executor delivery, SendLimit sendLimit, int maxMessageChars, Runnable onDone) {
        this.connection = connection;
        this.target = target;
        this.chat = chat;
        this.speech = speech;
        this.work = work;
        this.delivery = delivery;
        this.sendLimit = sendLimit;
        this.maxMessageChars = maxMessageChars;
        this.onDone = onDone;
    }

    void start() {
        try {
            StreamRequest request = StreamRequest.from(QueryString.parse(target).parameters(), maxMessageChars);
            Speech voice = speech.resolve(request.language(), request.voice(), request.rate());
            voiceId = voice.voiceId();
            turn = chat.start(new TurnRequest(request.message(), request.conversationId(), voice.synthesizer()),
                    delivery, this);
            if (stopRequested) {
                turn.cancel();
            }
        } catch (RequestException e) {
            LOG.debug("Refused stream {}: {} {}", QueryString.redacted(target), e.code(), e.getMessage());
            sendAndClose(ProtocolJson.error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Stream {} failed to start", QueryString.redacted(target), e);
            sendAndClose(ProtocolJson.error(500, "internal error: " + e.getMessage()));
        }
    }

    @Override
    public void onEvent(ChatEvent event) {
        if (event instanceof ChatEvent.Started started) {
            send(ProtocolJson.streaming(started.conversationId(), voiceId));
        } else if (event.isTerminal()) {
            sendAndClose(ProtocolJson.event(event));
        } else {
            send(ProtocolJson.event(event));
        }
    }

    void onClientMessage(String text) {
        String type = ProtocolJson.clientMessageType(text);
        if ("cancel".equals(type)) {
            stop();
        } else {
            LOG.debug("Ignoring a client message of type {}", type);
        }
    }

    void onClientClosed() {
        stop();
        finish();
    }

    private void finish() {
        if (done.compareAndSet(false, true)) {
            onDone.run();
        }
    }

    /** Called on Java-WebSocket threads: cancelling waits for the HTTP call and saves the reply, so it runs on the work pool. */
    private void stop() {
        stopRequested = true;
        ChatTurn current = turn;
        if (current != null) {
            work.execute(current::cancel);
        }
    }

    /**
     * Sends one text frame. Not {@code connection.send(String)}: that checks the UTF-8 it has just
     * encoded byte by byte, which for an audio chunk (a few hundred KB) was half of what the shared
     * delivery threads spent, delaying other streams' tokens; a Java string always encodes to valid UTF-8.
     */
    private void send(String json) {
        if (!connection.isOpen()) {
            return;
        }
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        if (!sendLimit.admits(connection, payload.length)) {
            LOG.info("Dropped a client that stopped reading; its reply is cancelled (PARLEY_SEND_QUEUE_KB)");
            stop();
            ((WebSocketImpl) connection).closeConnection(CloseFrame.POLICY_VALIDATION, "client is not reading");
            ((WebSocketImpl) connection).outQueue.clear();
            return;
        }
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(payload));
        try {
            connection.sendFrame(frame);
        } catch (WebsocketNotConnectedException e) {
            LOG.debug("Client left before a message could be sent");
        }
    }

    private void sendAndClose(String json) {
        send(json);
        connection.close(CloseFrame.NORMAL);
        finish();
    }
}
