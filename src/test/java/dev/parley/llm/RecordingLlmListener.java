package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records every callback in order, in the style of okhttp's EventSourceRecorder: tests take the
 * callbacks off a queue, so they wait for exactly what they expect and never sleep.
 *
 * <p>It also checks the listener contract as it goes: no callback on the thread that created the
 * recorder (the caller of {@code stream}), nothing after a terminal callback, and nothing after
 * {@link #cancelReturned()}.
 */
final class RecordingLlmListener implements LlmListener {

    /** Only guards against a hung test; a passing test never waits this long. */
    private static final long GIVE_UP_SECONDS = 10;

    sealed interface Event permits Token, Complete, Error {}

    record Token(String text) implements Event {}

    record Complete(LlmUsage usage) implements Event {}

    record Error(LlmException error) implements Event {}

    private final Thread callerThread = Thread.currentThread();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> violations = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean terminated;
    private volatile boolean cancelReturned;

    @Override
    public synchronized void onToken(String token) {
        check("onToken(" + token + ")");
        if (token.isEmpty()) {
            violations.add("empty token");
        }
        text.append(token);
        events.add(new Token(token));
    }

    @Override
    public synchronized void onComplete(LlmUsage usage) {
        check("onComplete");
        terminated = true;
        events.add(new Complete(usage));
    }

    @Override
    public synchronized void onError(LlmException error) {
        check("onError(" + error.getMessage() + ")");
        terminated = true;
        events.add(new Error(error));
    }

    private void check(String callback) {
        if (Thread.currentThread() == callerThread) {
            violations.add(callback + " on the caller's thread");
        }
        if (terminated) {
            violations.add(callback + " after the terminal callback");
        }
        if (cancelReturned) {
            violations.add(callback + " after cancel() returned");
        }
    }

    /** Call right after {@link LlmCall#cancel()} returns: any callback from now on is a violation. */
    void cancelReturned() {
        cancelReturned = true;
    }

    /** The next callback, which must be a token. */
    String takeToken() {
        Event event = take();
        assertThat(event).isInstanceOf(Token.class);
        return ((Token) event).text();
    }

    /** Skips tokens up to the terminal callback, which must be onComplete. */
    LlmUsage awaitComplete() {
        Event terminal = awaitTerminal();
        if (terminal instanceof Error error) {
            fail("expected onComplete but got onError", error.error());
        }
        return ((Complete) terminal).usage();
    }

    /** Skips tokens up to the terminal callback, which must be onError. */
    LlmException awaitError() {
        Event terminal = awaitTerminal();
        assertThat(terminal).as("terminal callback").isInstanceOf(Error.class);
        return ((Error) terminal).error();
    }

    /** All tokens delivered so far, joined. */
    synchronized String text() {
        return text.toString();
    }

    /** Asserts that no callback broke the listener contract and none is left unconsumed. */
    synchronized void assertClean() {
        assertThat(violations).isEmpty();
        assertThat(events).isEmpty();
    }

    private Event awaitTerminal() {
        while (true) {
            Event event = take();
            if (!(event instanceof Token)) {
                return event;
            }
        }
    }

    private Event take() {
        try {
            Event event = events.poll(GIVE_UP_SECONDS, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no callback within " + GIVE_UP_SECONDS + " s");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
