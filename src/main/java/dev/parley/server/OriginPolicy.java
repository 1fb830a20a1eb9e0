package dev.parley.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser pages may open the WebSocket. Any web page can try to connect to
 * ws://127.0.0.1:8085 and chat on the user's API key; browsers always send {@code Origin}, while
 * wscat, websocat and scripts do not. So requests without an origin and pages served from this
 * machine (localhost, 127.0.0.1, [::1]) are allowed, others only when listed in
 * {@code PARLEY_ALLOWED_ORIGINS} ({@code *} allows every origin, {@code null} allows local files).
 */
final class OriginPolicy {

    private final Set<String> allowed;

    OriginPolicy(Set<String> allowed) {
        this.allowed = allowed.stream().map(OriginPolicy::normalize).collect(Collectors.toSet());
    }

    boolean allows(String origin) {
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        String normalized = normalize(origin);
        if (allowed.contains("*") || allowed.contains(normalized)) {
            return true;
        }
        try {
            URI uri = new URI(origin);
            String host = uri.getHost();
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && host != null && ServerOptions.isLoopback(host);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String normalize(String origin) {
        return origin.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    }
}
