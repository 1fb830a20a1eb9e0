package dev.parley.server;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * How the embedded server runs. README's Security section describes each limit.
 *
 * @param host interface to listen on
 * @param port port to listen on; 0 picks a free one
 * @param allowedOrigins browser origins allowed besides local pages (see {@link OriginPolicy})
 * @param token the access token every request must present, or {@code null} for none; required
 *     unless {@code host} is loopback
 * @param maxReplies replies streamed at once before new streams get error 503
 * @param maxConnections open sockets, counting those still sending their request; when full, the
 *     oldest of those is dropped for a new one
 * @param handshakeTimeout how long a socket may take to send its complete request, or to take the
 *     server's close
 * @param sendQueueBytes bytes queued for one client before its reply is cancelled and its socket dropped
 * @param maxUrlBytes longest request target before 414
 * @param maxMessageChars longest stream message, in characters (code points), before error 413
 * @param maxFrameBytes largest frame a client may send before the server closes with 1009
 * @param version reported by {@code /health}
 */
public record ServerOptions(String host, int port, Set<String> allowedOrigins, String token, int maxReplies,
        int maxConnections, Duration handshakeTimeout, int sendQueueBytes, int maxUrlBytes, int maxMessageChars, int maxFrameBytes,
        String version) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    /**
     * @throws IllegalArgumentException when a non-loopback host has no token, or a limit is not positive
     */
    public ServerOptions {
        allowedOrigins = Set.copyOf(allowedOrigins);
        if (token == null && !isLoopback(host)) {
            throw new IllegalArgumentException("listening on " + host + " needs an access token");
        }
        if (maxReplies < 1 || maxConnections < 2 || sendQueueBytes < 1 || maxUrlBytes < 1
                || maxMessageChars < 1 || maxFrameBytes < 1
                || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("server limits must be positive");
        }
    }

    /**
     * Whether this host name or address is this machine only: {@code localhost}, {@code 127.0.0.1}
     * or {@code ::1} (with or without brackets), in any case.
     */
    public static boolean isLoopback(String host) {
        return LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "ServerOptions[host=" + host + ", port=" + port + ", token=" + (token == null ? "unset" : "set")
                + ", maxReplies=" + maxReplies + ", maxConnections=" + maxConnections + "]";
    }
}
