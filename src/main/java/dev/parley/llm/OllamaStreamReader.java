package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Reads one attempt's {@code /api/chat} NDJSON stream and reports to a {@link ReplySink}.
 *
 * <p>Lines are cut from okio's byte buffer before they are decoded, so a UTF-8 character split
 * across network reads arrives whole. {@code done: true} is the only normal end. Runs on the
 * attempt's HTTP thread.
 */
final class OllamaStreamReader implements Callback {

    /** Ollama's text for a model that was never pulled, in its old and new quoting. */
    private static final Pattern MODEL_MISSING = Pattern.compile("(?i)\\bmodel\\b.*\\bnot found\\b");

    private final ReplySink sink;
    private final Failures failures;
    private final HttpUrl url;
    private final String model;

    OllamaStreamReader(ReplySink sink, Failures failures, HttpUrl url, String model) {
        this.sink = sink;
        this.failures = failures;
        this.url = url;
        this.model = model;
    }

    @Override
    public void onFailure(Call call, IOException failure) {
        sink.failed(failure, false);
    }

    @Override
    public void onResponse(Call call, Response response) {
        try (response) {
            if (!response.isSuccessful()) {
                reportStatus(response);
                return;
            }
            MediaType type = response.body().contentType();
            if (type != null && !type.subtype().contains("json")) {
                sink.fail(failures.notAStream(url, type.toString(), ErrorBody.describe(response)));
                return;
            }
            read(response.body().source());
        } catch (IOException | RuntimeException e) {
            // A RuntimeException comes from the listener; OkHttp would drop it on this thread.
            sink.failed(e, true);
        }
    }

    private void read(BufferedSource source) throws IOException {
        for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
            if (line.isBlank()) {
                continue;
            }
            OllamaLine parsed;
            try {
                parsed = OllamaLine.parse(line);
            } catch (JsonProcessingException e) {
                sink.fail(failures.unreadable(e));
                return;
            }
            if (parsed.error() != null) {
                sink.fail(failures.midStream(parsed.error(), false));
                return;
            }
            sink.token(parsed.content());
            if (parsed.done()) {
                sink.complete(parsed.usage());
                return;
            }
        }
        sink.fail(failures.cutOff("the stream ended without done: true", null));
    }

    private void reportStatus(Response response) {
        String text = ErrorBody.describe(response);
        if (response.code() == 404 && MODEL_MISSING.matcher(text).find()) {
            sink.fail(new LlmException(404,
                    "the model " + model + " is not installed in Ollama — run `ollama pull " + model + "`"));
        } else {
            Retries.report(sink, response, failures.status(response.code(), url, text));
        }
    }
}
