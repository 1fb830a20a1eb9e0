package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side both providers share: request building with the optional bearer key, the two
 * clients derived from the injected one, and the blocking model-list GET.
 *
 * <p>The derived clients share the injected client's connection pool, dispatcher and event
 * listener, and connect within the configured connect timeout. The streaming client has no read
 * or call timeout because {@link StreamingCall}'s watchdog owns token timing (a socket read timeout
 * would be reset by keep-alives, a call timeout would cut long replies); the blocking client waits
 * at most the first-token timeout between reads.
 */
final class Upstream {

    private static final Logger log = LoggerFactory.getLogger(Upstream.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final LlmSettings settings;
    private final Failures failures;
    private final OkHttpClient streamingClient;
    private final OkHttpClient blockingClient;

    Upstream(OkHttpClient client, LlmSettings settings, Failures failures) {
        this.settings = settings;
        this.failures = failures;
        Duration connect = settings.timeouts().connect();
        this.streamingClient = client.newBuilder().connectTimeout(connect)
                .readTimeout(Duration.ZERO).callTimeout(Duration.ZERO).build();
        this.blockingClient = client.newBuilder().connectTimeout(connect)
                .readTimeout(settings.timeouts().firstToken()).build();
    }

    LlmSettings settings() {
        return settings;
    }

    Failures failures() {
        return failures;
    }

    OkHttpClient streamingClient() {
        return streamingClient;
    }

    /** A POST of {@code body} to {@code url}, with the key when one is set. */
    Request post(HttpUrl url, JsonNode body, String accept) {
        return authorized(url).header("Accept", accept).post(RequestBody.create(Json.bytes(body), JSON_TYPE)).build();
    }

    /**
     * GETs {@code path} (relative to the base URL), a JSON object whose {@code arrayField} lists
     * objects, and returns their {@code nameField} strings in order. Blocks.
     */
    List<String> listNames(String path, String arrayField, String nameField) throws LlmException {
        HttpUrl url = settings.url(path);
        JsonNode array = getJson(url).path(arrayField);
        if (!array.isArray()) {
            throw logged(url, failures.unreadable(new IOException("the answer has no " + arrayField + " array")));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : array) {
            String name = Json.text(item.path(nameField));
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private JsonNode getJson(HttpUrl url) throws LlmException {
        log.debug("GET {}", LlmSettings.display(url));
        try (Response response = blockingClient.newCall(authorized(url).header("Accept", "application/json").build()).execute()) {
            if (!response.isSuccessful()) {
                throw logged(url, failures.status(response.code(), url, ErrorBody.describe(response)));
            }
            try {
                return Json.MAPPER.readTree(response.body().string());
            } catch (JsonProcessingException e) {
                throw logged(url, failures.unreadable(e));
            }
        } catch (IOException e) {
            throw logged(url, failures.transport(e, false));
        }
    }

    private Request.Builder authorized(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url);
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder;
    }

    private static LlmException logged(HttpUrl url, LlmException error) {
        log.warn("GET {} failed ({}): {}", url, error.code(), error.getMessage());
        return error;
    }
}
