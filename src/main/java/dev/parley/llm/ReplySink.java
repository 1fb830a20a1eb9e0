package dev.parley.llm;

import java.time.Duration;

/**
 * What one HTTP attempt reports while it reads a streamed reply, on its HTTP thread. After
 * {@link #complete}, {@link #fail}, {@link #retryLater} or {@link #failed} the attempt reports
 * nothing more.
 */
interface ReplySink {

    /** A piece of the reply. An empty piece is still a sign of life for the token timers. */
    void token(String text);

    /** The end marker arrived. */
    void complete(LlmUsage usage);

    /** The attempt failed with an error already translated for the person. */
    void fail(LlmException error);

    /**
     * The server refused the request as busy (HTTP 429 or 503); the call may retry.
     *
     * @param retryAfter the wait the server asked for, or {@code null} when it named none
     */
    void retryLater(LlmException error, Duration retryAfter);

    /** The connection failed or was cancelled, before or after the response headers arrived. */
    void failed(Throwable failure, boolean responseStarted);
}
