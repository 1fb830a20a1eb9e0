package dev.parley.llm;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Response;

/**
 * Which refusals are worth another attempt, and how long to wait before it. Only a server that
 * says it is busy (HTTP 429 rate limit, HTTP 503 overloaded) is asked again; anything else would
 * fail the same way. Waits are jittered so that many clients refused at once do not come back at
 * once. (OkHttp itself repeats a 503 that says {@code Retry-After: 0} once before it reports it;
 * that repeat is OkHttp's and not counted here.)
 */
final class Retries {

    /** The wait before the first retry when the server names none; it doubles for each further one. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    /** How much a wait is spread: up to 20 % more than asked, or ±20 % around the backoff. */
    static final double JITTER = 0.2;

    private Retries() {
    }

    /**
     * Reports an unsuccessful response: as retryable with its {@code Retry-After} when its status
     * is 429 or 503, else as the failure {@code error}.
     */
    static void report(ReplySink sink, Response response, LlmException error) {
        if (response.code() == 429 || response.code() == 503) {
            sink.retryLater(error, RetryAfter.parse(response.header("Retry-After"), Instant.now()));
        } else {
            sink.fail(error);
        }
    }

    /**
     * The wait before retry number {@code retry} (1 for the first).
     *
     * @param retryAfter what the server asked for, or {@code null} when it did not say; never
     *     shortened, since a server that names a time usually refuses anything earlier
     * @param random a number in [0, 1) that picks the jitter
     */
    static Duration delay(int retry, Duration retryAfter, double random) {
        if (retryAfter != null) {
            return retryAfter.plusNanos((long) (retryAfter.toNanos() * JITTER * random));
        }
        long backoff = Math.min(FIRST_BACKOFF.toNanos() << Math.min(retry - 1, 16), RetryAfter.MAX.toNanos());
        return Duration.ofNanos((long) (backoff * (1 - JITTER + 2 * JITTER * random)));
    }
}
