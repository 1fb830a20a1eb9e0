package dev.parley.server;

import dev.parley.tts.Voice;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's routes: {@code GET /health}, {@code GET /voices}, and the WebSocket at
 * {@value #STREAM_PATH}. A plain GET on the WebSocket path gets 426; anything else 404.
 *
 * <p>The checks run cheapest and least revealing first: a malformed or oversized request, then a
 * Host that is not this machine (DNS rebinding, 403), then a missing access token (401), and for
 * the WebSocket a foreign browser Origin (403); nothing else is looked at before they pass.
 */
final class Routes implements HttpRouter {

    static final String STREAM_PATH = "/ws/chat/stream";
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private final Supplier<Health> health;
    private final Supplier<List<Voice>> voices;
    private final OriginPolicy origins;
    private final HostPolicy hosts;
    private final AccessToken token;
    private final IntSupplier connections;
    private final int maxReplies;
    private final int maxUrlBytes;
    private final String version;
    private final Refusals refusedHosts = new Refusals();
    private final Refusals refusedTokens = new Refusals();
    private final Refusals refusedOrigins = new Refusals();

    Routes(Supplier<Health> health, Supplier<List<Voice>> voices, OriginPolicy origins, HostPolicy hosts,
            AccessToken token, IntSupplier connections, int maxReplies, int maxUrlBytes, String version) {
        this.health = health;
        this.voices = voices;
        this.origins = origins;
        this.hosts = hosts;
        this.token = token;
        this.connections = connections;
        this.maxReplies = maxReplies;
        this.maxUrlBytes = maxUrlBytes;
        this.version = version;
    }

    /** The longest request head accepted: the longest target plus room for ordinary headers. */
    static int maxHeadBytes(int maxUrlBytes) {
        return maxUrlBytes + 32 * 1024;
    }

    @Override
    public HttpResponse route(RequestHead request, boolean upgradable) {
        if (request.problem() != null) {
            return switch (request.problem()) {
                case TOO_LARGE -> HttpResponse.text(431, "Request Header Fields Too Large",
                        "the request is larger than " + maxHeadBytes(maxUrlBytes) / 1024 + " KiB");
                case NOT_ASCII -> HttpResponse.text(400, "Bad Request",
                        "the request target must be ASCII: percent-encode the message (UTF-8)");
                case MALFORMED -> HttpResponse.text(400, "Bad Request", "not an HTTP/1.0 or HTTP/1.1 request");
            };
        }
        if (request.target().length() > maxUrlBytes) {
            return HttpResponse.text(414, "URI Too Long", "the request target is longer than "
                    + maxUrlBytes / 1024 + " KiB (PARLEY_MAX_URL_KB)");
        }
        if (!hosts.allows(request.header("Host"))) {
            if (refusedHosts.countAndShouldLog()) {
                LOG.warn("Refused a request for host {} ({} refused for their host so far)",
                        Refusals.shown(request.header("Host")), refusedHosts.total());
            }
            return HttpResponse.text(403, "Forbidden", "this server only answers requests for localhost");
        }
        if (!token.allows(request)) {
            if (refusedTokens.countAndShouldLog()) {
                LOG.warn("Refused a request without the access token ({} refused for it so far)",
                        refusedTokens.total());
            }
            return HttpResponse.text(401, "Unauthorized", "this server needs its access token: "
                    + "add ?token=... or send Authorization: Bearer ...").withHeader("WWW-Authenticate", "Bearer");
        }
        String target = request.target();
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return HttpResponse.text(405, "Method Not Allowed", request.method() + " is not supported; use GET")
                    .withHeader("Allow", "GET, HEAD");
        }
        try {
            if (path.equals(STREAM_PATH)) {
                return stream(request, upgradable);
            }
            if (upgradable) {
                return HttpResponse.text(404, "Not Found", "no WebSocket at " + path + "; connect to " + STREAM_PATH);
            }
            return switch (path) {
                case "/health" -> HttpResponse.json(ProtocolJson.health(health.get(), version,
                        connections.getAsInt(), maxReplies));
                case "/voices" -> HttpResponse.json(ProtocolJson.voices(voices.get()));
                default -> HttpResponse.text(404, "Not Found",
                        "not found: Parley serves GET /health, GET /voices and the WebSocket " + STREAM_PATH);
            };
        } catch (RuntimeException e) {
            LOG.error("Request for {} failed", path, e);
            return HttpResponse.text(500, "Internal Server Error", "internal error: " + e.getMessage());
        }
    }

    private HttpResponse stream(RequestHead request, boolean upgradable) {
        if (!upgradable) {
            return HttpResponse.text(426, "Upgrade Required", STREAM_PATH + " is a WebSocket endpoint; "
                    + "connect with a WebSocket client, e.g. wscat -c 'ws://HOST:PORT" + STREAM_PATH
                    + "?message=Hello'").withHeader("Upgrade", "websocket");
        }
        String origin = request.header("Origin");
        if (!origins.allows(origin)) {
            if (refusedOrigins.countAndShouldLog()) {
                LOG.warn("Refused a WebSocket from origin {} (allow it with PARLEY_ALLOWED_ORIGINS; {} refused for "
                        + "their origin so far)", Refusals.shown(origin), refusedOrigins.total());
            }
            return HttpResponse.text(403, "Forbidden", "origin " + Refusals.shown(origin) + " is not allowed; "
                    + "set PARLEY_ALLOWED_ORIGINS to allow it");
        }
        return null;
    }
}
