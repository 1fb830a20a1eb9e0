package dev.parley.llm;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where a provider sends its requests and as which model.
 *
 * <p>{@link #toString()} never shows the API key.
 *
 * @param baseUrl the server's base URL, e.g. {@code https://api.openai.com/v1} or
 *     {@code http://localhost:11434}; trailing slashes are dropped
 * @param apiKey sent as {@code Authorization: Bearer <key>}; {@code null} (or blank, which becomes
 *     {@code null}) sends no {@code Authorization} header
 * @param model the model name sent with each request
 * @param timeouts connect, token and turn timeouts
 * @param retries how many times a request refused as busy (HTTP 429 or 503) is sent again, 0 to
 *     {@value #MAX_RETRIES}; only before the reply's first token
 */
public record LlmSettings(String baseUrl, String apiKey, String model, LlmTimeouts timeouts, int retries) {

    /** Retries of a busy server's refusal unless configured otherwise. */
    public static final int DEFAULT_RETRIES = 2;

    /** The most retries allowed: past this the person is better told to try again later. */
    public static final int MAX_RETRIES = 10;

    public LlmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeouts, "timeouts");
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        if (HttpUrl.parse(baseUrl) == null) {
            throw new IllegalArgumentException("not an http:// or https:// URL: " + baseUrl);
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("model is blank");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be 0 to " + MAX_RETRIES + ": " + retries);
        }
    }

    /** Settings with the default retries. */
    public LlmSettings(String baseUrl, String apiKey, String model, LlmTimeouts timeouts) {
        this(baseUrl, apiKey, model, timeouts, DEFAULT_RETRIES);
    }

    /** Settings with the default timeouts and retries. */
    public LlmSettings(String baseUrl, String apiKey, String model) {
        this(baseUrl, apiKey, model, LlmTimeouts.DEFAULT);
    }

    /**
     * The base URL as shown to people: without any user name and password it carries, which would
     * otherwise reach {@code /health}, error messages and logs.
     */
    public String displayUrl() {
        return display(HttpUrl.get(baseUrl)).replaceAll("/+$", "");
    }

    /** A URL without its user name and password. */
    static String display(HttpUrl url) {
        return url.newBuilder().username("").password("").build().toString();
    }

    /** {@code baseUrl} joined with a relative {@code path} such as {@code chat/completions}. */
    HttpUrl url(String path) {
        return HttpUrl.get(baseUrl + "/" + path);
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + displayUrl() + ", apiKey=" + (apiKey == null ? "none" : "(set)")
                + ", model=" + model + ", timeouts=" + timeouts + ", retries=" + retries + "]";
    }
}
