package dev.parley.server;

import java.util.Locale;

/**
 * Which {@code Host} a request may name. A server bound to loopback only answers requests for
 * loopback names: a web page cannot read {@code /health} or {@code /voices} through a DNS name it
 * rebinds to 127.0.0.1, because its requests carry that name as their Host. A server bound to
 * another interface is meant to be reached by any name.
 */
final class HostPolicy {

    private final boolean loopbackOnly;

    HostPolicy(String boundHost) {
        this.loopbackOnly = ServerOptions.isLoopback(boundHost);
    }

    /** Whether a request with this Host header (or none, as HTTP/1.0 allows) is answered. */
    boolean allows(String hostHeader) {
        if (!loopbackOnly || hostHeader == null || hostHeader.isEmpty()) {
            return true;
        }
        String host = hostHeader.toLowerCase(Locale.ROOT).strip();
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close < 0 ? host : host.substring(0, close + 1);
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return ServerOptions.isLoopback(host);
    }
}
