package dev.parley.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a provider waits before it gives up.
 *
 * <p>The two token timers are measured by the provider, not by the socket: keep-alive comments and
 * other bytes that carry no data do not reset them, so a server that only sends keep-alives still
 * times out. Data that carries no text (an OpenAI role-only delta, a usage chunk, an empty Ollama
 * line) does count as a sign of life.
 *
 * @param connect how long to wait for the TCP (and TLS) connection
 * @param firstToken how long to wait, from sending the request, for the first piece of data
 * @param betweenTokens how long to wait for each further piece of data
 * @param turn how long the whole reply may take, from the first request to its end marker,
 *     retry waits included: a server that trickles tokens forever still lets the turn end
 */
public record LlmTimeouts(Duration connect, Duration firstToken, Duration betweenTokens, Duration turn) {

    /** 10 s to connect, 60 s for the first token, 60 s between tokens, 10 minutes for the whole reply. */
    public static final LlmTimeouts DEFAULT = new LlmTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(60), Duration.ofMinutes(10));

    public LlmTimeouts {
        requirePositive(connect, "connect");
        requirePositive(firstToken, "firstToken");
        requirePositive(betweenTokens, "betweenTokens");
        requirePositive(turn, "turn");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
