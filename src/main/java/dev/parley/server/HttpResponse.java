package dev.parley.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain HTTP response sent on the WebSocket port, after which the connection is closed.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param contentType the media type of the body
 * @param body the body
 * @param headers extra headers
 */
record HttpResponse(int status, String reason, String contentType, byte[] body, Map<String, String> headers) {

    static HttpResponse json(String json) {
        return new HttpResponse(200, "OK", "application/json; charset=utf-8",
                json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A one-line plain-text response. */
    static HttpResponse text(int status, String reason, String line) {
        return new HttpResponse(status, reason, "text/plain; charset=utf-8",
                (line + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    HttpResponse withHeader(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.put(name, value);
        return new HttpResponse(status, reason, contentType, body, Map.copyOf(next));
    }
}
