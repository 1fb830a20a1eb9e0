package dev.parley.server;

import java.util.Set;

/**
 * How the embedded server runs.
 *
 * @param host interface to listen on
 * @param port port to listen on; 0 picks a free one
 * @param allowedOrigins browser origins allowed besides local pages (see {@link OriginPolicy})
 * @param maxStreams concurrent streams before new ones get error 503
 * @param version reported by {@code /health}
 */
public record ServerOptions(String host, int port, Set<String> allowedOrigins, int maxStreams, String version) {

    public ServerOptions {
        allowedOrigins = Set.copyOf(allowedOrigins);
    }
}
