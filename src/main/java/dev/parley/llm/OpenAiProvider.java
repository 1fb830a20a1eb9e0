package dev.parley.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenAI-compatible server (OpenAI, vLLM, llama.cpp, LM Studio, ...): {@code POST
 * {base}/chat/completions} with {@code stream: true}, read as Server-Sent Events.
 *
 * <p>The caller owns the injected {@link OkHttpClient} and {@link ScheduledExecutorService} and
 * shuts them down; the provider only derives clients from the former (sharing its pool, dispatcher
 * and event listener) and schedules timeout checks and retry waits on the latter (a single
 * daemon thread is plenty). Errors are reported as described in {@link Failures}.
 */
public final class OpenAiProvider implements LlmProvider {

    /** OpenAI's own API. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private static final Logger log = LoggerFactory.getLogger(OpenAiProvider.class);

    private final Upstream upstream;
    private final EventSource.Factory eventSources;
    private final ScheduledExecutorService scheduler;

    public OpenAiProvider(OkHttpClient client, ScheduledExecutorService scheduler, LlmSettings settings) {
        Objects.requireNonNull(client, "client");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        Failures failures = new Failures("the OpenAI-compatible server", settings, "OPENAI_API_KEY",
                "cannot reach the OpenAI-compatible server at " + settings.displayUrl() + " — check OPENAI_BASE_URL");
        this.upstream = new Upstream(client, settings, failures);
        this.eventSources = EventSources.createFactory(upstream.streamingClient());
    }

    @Override
    public String name() {
        return "openai";
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
        HttpUrl url = upstream.settings().url("chat/completions");
        ObjectNode body = Json.chatRequest(model(), messages);
        body.putObject("stream_options").put("include_usage", true);
        Request request = upstream.post(url, body, "text/event-stream");
        return StreamingCall.start(name(), sink -> {
            log.debug("POST {} (model {}, {} messages)", LlmSettings.display(url), model(), messages.size());
            EventSource source = eventSources.newEventSource(request,
                    new OpenAiEventListener(sink, upstream.failures(), url));
            return source::cancel;
        }, listener, scheduler, upstream.settings().timeouts(), upstream.settings().retries(),
                upstream.failures());
    }

    /** {@code GET {base}/models}: the {@code data[].id} values in the server's order. */
    @Override
    public List<String> listModels() throws LlmException {
        return upstream.listNames("models", "data", "id");
    }
}
