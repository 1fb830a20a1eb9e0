package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;

/**
 * Reads one attempt's chat-completions event stream (as parsed by okhttp-sse) and reports to a
 * {@link ReplySink}. Usage and {@code finish_reason} are remembered until {@code [DONE]}, which is
 * the only normal end. All methods run on the attempt's HTTP thread.
 */
final class OpenAiEventListener extends EventSourceListener {

    private static final String DONE = "[DONE]";

    private final ReplySink sink;
    private final Failures failures;
    private final HttpUrl url;

    private boolean opened;
    private String finishReason;
    private Integer promptTokens;
    private Integer completionTokens;

    OpenAiEventListener(ReplySink sink, Failures failures, HttpUrl url) {
        this.sink = sink;
        this.failures = failures;
        this.url = url;
    }

    @Override
    public void onOpen(EventSource source, Response response) {
        opened = true;
    }

    @Override
    public void onEvent(EventSource source, String id, String type, String data) {
        if (DONE.equals(data.strip())) {
            sink.complete(new LlmUsage(promptTokens, completionTokens, null, finishReason));
            return;
        }
        OpenAiChunk chunk;
        try {
            chunk = OpenAiChunk.parse(data);
        } catch (JsonProcessingException e) {
            sink.fail(failures.unreadable(e));
            source.cancel();
            return;
        }
        if (chunk.error() != null) {
            sink.fail(failures.midStream(chunk.error().message(), chunk.error().rateLimited()));
            source.cancel();
            return;
        }
        if (chunk.finishReason() != null) {
            finishReason = chunk.finishReason();
        }
        if (chunk.promptTokens() != null) {
            promptTokens = chunk.promptTokens();
        }
        if (chunk.completionTokens() != null) {
            completionTokens = chunk.completionTokens();
        }
        sink.token(chunk.content());
    }

    @Override
    public void onClosed(EventSource source) {
        sink.fail(failures.cutOff("the stream ended without [DONE]", null));
    }

    @Override
    public void onFailure(EventSource source, Throwable failure, Response response) {
        if (response == null || opened) {
            sink.failed(failure, opened);
        } else if (!response.isSuccessful()) {
            Retries.report(sink, response, failures.status(response.code(), url, ErrorBody.describe(response)));
        } else if (!isEventStream(response)) {
            String contentType = response.header("Content-Type");
            sink.fail(failures.notAStream(url, contentType == null ? "no content type" : contentType,
                    ErrorBody.describe(response)));
        } else {
            // Cancelled (by the person or a timeout) between the headers and the first event.
            sink.failed(failure, true);
        }
    }

    private static boolean isEventStream(Response response) {
        MediaType type = MediaType.parse(response.header("Content-Type", ""));
        return type != null && type.type().equals("text") && type.subtype().equals("event-stream");
    }
}
