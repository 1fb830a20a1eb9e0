package dev.parley.llm;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local (or remote) Ollama server: {@code POST {base}/api/chat} with {@code stream: true}, read
 * as newline-delimited JSON.
 *
 * <p>The caller owns the injected {@link OkHttpClient} and {@link ScheduledExecutorService} and
 * shuts them down; the provider only derives clients from the former (sharing its pool, dispatcher
 * and event listener) and schedules timeout checks and retry waits on the latter (a single
 * daemon thread is plenty). Errors are reported as described in {@link Failures}; a model that was
 * never pulled is a 404 that says to run {@code ollama pull <model>}.
 */
public final class OllamaProvider implements LlmProvider {

    /** Where {@code ollama serve} listens by default. */
    public static final String DEFAULT_BASE_URL = "http://localhost:11434";

    private static final Logger log = LoggerFactory.getLogger(OllamaProvider.class);

    private final Upstream upstream;
    private final ScheduledExecutorService scheduler;

    public OllamaProvider(OkHttpClient client, ScheduledExecutorService scheduler, LlmSettings settings) {
        Objects.requireNonNull(client, "client");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        Failures failures = new Failures("Ollama", settings, "OLLAMA_API_KEY",
                "cannot reach Ollama at " + settings.displayUrl() + " — is `ollama serve` running?");
        this.upstream = new Upstream(client, settings, failures);
    }

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public String model() {
        return upstream.settings().model();
    }

    @Override
    public String baseUrl() {
        return upstream.settings().displayUrl();
    }

    @Override
    public LlmCall stream(List<ChatMessage> messages, LlmListener listener) {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(listener, "listener");
        HttpUrl url = upstream.settings().url("api/chat");
        Request request = upstream.post(url, Json.chatRequest(model(), messages), "application/x-ndjson");
        return StreamingCall.start(name(), sink -> {
            log.debug("POST {} (model {}, {} messages)", LlmSettings.display(url), model(), messages.size());
            Call call = upstream.streamingClient().newCall(request);
            call.enqueue(new OllamaStreamReader(sink, upstream.failures(), url, model()));
            return call::cancel;
        }, listener, scheduler, upstream.settings().timeouts(), upstream.settings().retries(),
                upstream.failures());
    }

    /** {@code GET {base}/api/tags}: the {@code models[].name} values in the server's order. */
    @Override
    public List<String> listModels() throws LlmException {
        return upstream.listNames("api/tags", "models", "name");
    }
}
