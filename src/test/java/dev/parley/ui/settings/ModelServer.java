package dev.parley.ui.settings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Answers model-list requests the way the real servers do: OpenAI's {@code GET /v1/models} and
 * Ollama's {@code GET /api/tags}, with bodies shaped like theirs. Records every request.
 */
final class ModelServer extends Dispatcher {

    static final String OPENAI_MODELS = """
            {"object":"list","data":[
              {"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"},
              {"id":"gpt-4.1","object":"model","created":1744316542,"owned_by":"system"}]}
            """;
    static final String OLLAMA_TAGS = """
            {"models":[
              {"name":"llama3.2:latest","model":"llama3.2:latest","modified_at":"2025-01-10T08:52:20Z","size":2019393189},
              {"name":"qwen2.5:7b","model":"qwen2.5:7b","modified_at":"2025-01-09T10:02:11Z","size":4683087332}]}
            """;

    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final MockWebServer server;

    ModelServer(MockWebServer server) {
        this.server = server;
        server.setDispatcher(this);
    }

    /** The OpenAI-compatible base URL, with {@code /v1}. */
    String openAiUrl() {
        return server.url("/v1").toString();
    }

    /** The Ollama base URL. */
    String ollamaUrl() {
        return server.url("/").toString();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String body = switch (request.getUrl().encodedPath()) {
            case "/v1/models" -> OPENAI_MODELS;
            case "/api/tags" -> OLLAMA_TAGS;
            default -> null;
        };
        return body == null
                ? new MockResponse.Builder().code(404).body("404 page not found").build()
                : new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }
}
