package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * Turns what went wrong talking to one server into the {@link LlmException} the person sees.
 *
 * <p>Codes: 401 key refused, 404 not found, 429 rate limited, other 4xx passed through, 502 the
 * server failed or its reply broke off or timed out, 503 the server cannot be reached. A timeout is
 * 502, not 503: the server was reached but did not deliver, whereas 503 tells the person to start
 * the server or fix its address. Texts that
 * come from the server are scrubbed of the API key, and a 401/403 body is never shown at all
 * (OpenAI echoes part of the key there).
 */
final class Failures {

    private final String label;
    private final String baseUrl;
    private final String model;
    private final String apiKey;
    private final String keyVariable;
    private final String unreachable;

    /**
     * @param label how messages name the server, e.g. {@code Ollama}
     * @param settings whose base URL, model and key messages refer to
     * @param keyVariable the environment variable that sets the key, for the 401 hint
     * @param unreachable the whole message for a server that cannot be reached
     */
    Failures(String label, LlmSettings settings, String keyVariable, String unreachable) {
        this.label = label;
        this.baseUrl = settings.displayUrl();
        this.model = settings.model();
        this.apiKey = settings.apiKey();
        this.keyVariable = keyVariable;
        this.unreachable = unreachable;
    }

    /** An unsuccessful HTTP status, with the provider's error text ({@link ErrorBody#describe}). */
    LlmException status(int status, HttpUrl url, String providerText) {
        String text = scrub(providerText);
        if (status == 401 || status == 403) {
            return new LlmException(401, apiKey == null
                    ? label + " wants an API key and none is set (HTTP " + status + ") — set " + keyVariable
                    : "the API key was refused by " + label + " (HTTP " + status + ") — check " + keyVariable);
        }
        if (status == 404) {
            return new LlmException(404, "HTTP 404 from " + LlmSettings.display(url)
                    + (text.isEmpty() ? " — check the base URL and the model name" : ": " + text));
        }
        if (status == 429) {
            return new LlmException(429, label + " is rate limiting requests (HTTP 429)"
                    + withText(text) + " — wait a moment and try again");
        }
        if (status >= 400 && status < 500) {
            return new LlmException(status, label + " rejected the request (HTTP " + status + ")" + withText(text));
        }
        if (status >= 500 && status < 600) {
            return new LlmException(502, label + " failed (HTTP " + status + ")" + withText(text));
        }
        return new LlmException(502, label + " answered with unexpected HTTP " + status + withText(text));
    }

    /** A 200 whose body is not the expected stream (often a JSON error or an HTML page). */
    LlmException notAStream(HttpUrl url, String contentType, String providerText) {
        return new LlmException(502, label + " answered " + LlmSettings.display(url) + " with " + contentType
                + " instead of a stream" + withText(scrub(providerText)) + " — check the base URL");
    }

    /** A transport failure before ({@code responseStarted == false}) or while reading the body. */
    LlmException transport(Throwable failure, boolean responseStarted) {
        if (!(failure instanceof IOException)) {
            return new LlmException(502, "unexpected failure while streaming the reply: " + failure, failure);
        }
        if (responseStarted) {
            return cutOff("the connection dropped", failure);
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException || failure instanceof SocketTimeoutException) {
            return new LlmException(503, unreachable, failure);
        }
        return new LlmException(502, label + " at " + baseUrl + " closed the connection without replying", failure);
    }

    /** The reply ended before its end marker. */
    LlmException cutOff(String why, Throwable cause) {
        return new LlmException(502, "the reply from " + model + " was cut off: " + why, cause);
    }

    /** A line or event that is not the JSON it should be. */
    LlmException unreadable(Exception cause) {
        String reason = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        return new LlmException(502, "unreadable reply from " + label + ": " + reason, cause);
    }

    /** An error the server sent inside a stream that had started. */
    LlmException midStream(String message, boolean rateLimited) {
        String text = scrub(ErrorBody.describe(message));
        return rateLimited
                ? new LlmException(429, label + " stopped the reply: rate limited" + withText(text))
                : new LlmException(502, label + " reported an error mid-reply" + withText(text));
    }

    /** Nothing but keep-alives (or silence) for {@code limit} after the request was sent. */
    LlmException noReply(Duration limit) {
        return new LlmException(502, "no reply from " + model + " within " + describe(limit));
    }

    /** Nothing but keep-alives (or silence) for {@code limit} after some data had arrived. */
    LlmException stalled(Duration limit) {
        return new LlmException(502, model + " stopped replying: nothing new for " + describe(limit));
    }

    /** The whole reply, retries included, took longer than {@code limit}. */
    LlmException tooLong(Duration limit) {
        return new LlmException(502, model + " did not finish its reply within " + describe(limit));
    }

    private String scrub(String text) {
        return apiKey == null ? text : text.replace(apiKey, "[API key]");
    }

    private static String withText(String text) {
        return text.isEmpty() ? "" : ": " + text;
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
