package dev.parley.config;

import java.time.Duration;

/**
 * How the embedded server guards itself: the access token and the resource limits. README's
 * Security section describes each; {@code ServerOptions} carries them to the server.
 *
 * @param token the access token clients must present ({@code PARLEY_TOKEN}), or {@code null} for
 *     none (a server bound beyond loopback then generates one at start); never logged
 * @param maxReplies replies streamed at once before new streams get error 503
 * @param maxConnections open sockets, counting those still sending their request
 * @param handshakeTimeout how long a socket may take to send its complete request, or to take the
 *     server's close
 * @param sendQueueBytes bytes queued for one client that is not reading before its reply is cancelled
 * @param maxUrlBytes longest request target (path and query) before 414
 * @param maxMessageChars longest stream message, in characters (code points), before error 413
 * @param maxFrameBytes largest frame a client may send before the server closes with 1009
 */
public record ServerSettings(String token, int maxReplies, int maxConnections, Duration handshakeTimeout,
        int sendQueueBytes, int maxUrlBytes, int maxMessageChars, int maxFrameBytes) {

    public static final ServerSettings DEFAULTS = new ServerSettings(null, 16, 256, Duration.ofSeconds(5),
            4 * 1024 * 1024, 16 * 1024, 8_000, 64 * 1024);

    @Override
    public String toString() {
        // The token must never reach a log line, even through a debug dump of the config.
        return "ServerSettings[token=" + (token == null ? "unset" : "set") + ", maxReplies=" + maxReplies
                + ", maxConnections=" + maxConnections + ", handshakeTimeout=" + handshakeTimeout
                + ", sendQueueBytes=" + sendQueueBytes + ", maxUrlBytes=" + maxUrlBytes
                + ", maxMessageChars=" + maxMessageChars + ", maxFrameBytes=" + maxFrameBytes + "]";
    }
}
