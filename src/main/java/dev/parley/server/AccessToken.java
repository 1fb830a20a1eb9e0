package dev.parley.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The secret a client must present when the server has one: as {@code ?token=} (browsers cannot
 * set headers on a WebSocket) or as {@code Authorization: Bearer}. Both sides are hashed before a
 * constant-time comparison, so neither the content nor the length of the token leaks through
 * timing. Immutable; the token itself is never logged or echoed.
 */
public final class AccessToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] digest;

    private AccessToken(String token) {
        this.digest = token == null ? null : sha256(token);
    }

    /** A check for this token; {@code null} allows every request. */
    static AccessToken of(String token) {
        return new AccessToken(token);
    }

    /** 256 random bits, URL-safe base64 without padding: usable in a query string as it is. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the request carries the token (always, when none is required). */
    boolean allows(RequestHead request) {
        if (digest == null) {
            return true;
        }
        return matches(bearer(request.header("Authorization"))) || matches(queryToken(request.target()));
    }

    private boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return null;
        }
        return authorization.substring("bearer ".length()).strip();
    }

    private static String queryToken(String target) {
        try {
            return QueryString.parse(target).parameters().get("token");
        } catch (RequestException malformed) {
            return null;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
