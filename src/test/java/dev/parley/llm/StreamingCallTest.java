package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listener contract of {@link StreamingCall}, driven through a scripted transport: each
 * attempt's sink is handed to the test, which reports from its own "HTTP" thread.
 */
class StreamingCallTest {

    private static final LlmSettings SETTINGS = new LlmSettings("http://localhost:1", null, "m");
    private static final Failures FAILURES = new Failures("the server", SETTINGS, "KEY", "cannot reach the server");

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final BlockingQueue<ReplySink> attempts = new LinkedBlockingQueue<>();
    private final List<ReplySink> cancelledAttempts = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void deliversTokensThenOneTerminalCallback() throws Exception {
        RecordingLlmListener listener = new RecordingLlmListener();
        start(listener, LlmTimeouts.DEFAULT);
        ReplySink sink = nextAttempt();

        onHttpThread(() -> {
            sink.token("");
            sink.token("Hi");
            sink.complete(new LlmUsage(1, 2, null, "stop"));
            sink.fail(new LlmException(502, "late"));
            sink.failed(new IOException("late"), true);
        });

        assertThat(listener.takeToken()).isEqualTo("Hi");
        assertThat(listener.awaitComplete()).isEqualTo(new LlmUsage(1, 2, null, "stop"));
        listener.assertClean();
    }

    @Test
    void cancelAbortsTheAttemptAndDropsEverythingAfter() throws Exception {
        RecordingLlmListener listener = new RecordingLlmListener();
        StreamingCall call = start(listener, LlmTimeouts.DEFAULT);
        ReplySink sink = nextAttempt();

        call.cancel();
        listener.cancelReturned();
        onHttpThread(() -> {
            sink.token("late");
            sink.failed(new IOException("Canceled"), true);
        });

        assertThat(cancelledAttempts).containsExactly(sink);
        listener.assertClean();
    }

    @Test
    void listenerMayCancelFromItsOwnCallback() throws Exception {
        BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
        StreamingCall[] call = new StreamingCall[1];
        call[0] = start(new LlmListener() {
            @Override
            public void onToken(String token) {
                tokens.add(token);
                call[0].cancel();
            }

            @Override
            public void onComplete(LlmUsage usage) {
                tokens.add("complete");
            }

            @Override
            public void onError(LlmException error) {
                tokens.add("error");
            }
        }, LlmTimeouts.DEFAULT);
        ReplySink sink = nextAttempt();

        onHttpThread(() -> {
            sink.token("one");
            sink.token("two");
            sink.complete(LlmUsage.NONE);
        });

        assertThat(tokens).containsExactly("one");
        assertThat(cancelledAttempts).containsExactly(sink);
    }

    @Test
    void busyRefusalsAreRetriedAsOftenAsConfiguredThenReported() throws Exception {
        RecordingLlmListener listener = new RecordingLlmListener();
        start(listener, LlmTimeouts.DEFAULT, 3);

        for (int attempt = 1; attempt <= 4; attempt++) {
            ReplySink sink = nextAttempt();
            onHttpThread(() -> sink.retryLater(new LlmException(429, "slow down"), Duration.ZERO));
        }

        assertEndsWithoutRetry(listener, "slow down");
    }

    @Test
    void nothingIsRetriedOnceDataHasArrived() throws Exception {
        RecordingLlmListener listener = new RecordingLlmListener();
        start(listener, LlmTimeouts.DEFAULT, 2);
        ReplySink sink = nextAttempt();

        onHttpThread(() -> {
            sink.token("Hel");
            sink.retryLater(new LlmException(502, "overloaded"), Duration.ZERO);
        });

        assertThat(listener.takeToken()).isEqualTo("Hel");
        assertEndsWithoutRetry(listener, "overloaded");
    }

    @Test
    void aRetryThatWouldWaitPastTheTurnLimitIsNotMade() throws Exception {
        RecordingLlmListener listener = new RecordingLlmListener();
        start(listener, turnLimit(Duration.ofSeconds(5)), 2);
        ReplySink sink = nextAttempt();

        onHttpThread(() -> sink.retryLater(new LlmException(429, "come back in a minute"), Duration.ofSeconds(60)));

        assertEndsWithoutRetry(listener, "come back in a minute");
    }

    @Test
    void theTurnLimitEndsAReplyThatKeepsTrickling() throws Exception {
        RecordingLlmListener listener = new RecordingLlmListener();
        start(listener, turnLimit(Duration.ofMillis(300)), 2);
        ReplySink sink = nextAttempt();
        Thread trickle = new Thread(() -> {
            while (!cancelledAttempts.contains(sink)) {
                sink.token(".");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }, "fake-http");
        trickle.start();

        LlmException error = listener.awaitError();
        trickle.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(error.code()).isEqualTo(502);
        assertThat(error).hasMessage("m did not finish its reply within 300 ms");
        assertThat(cancelledAttempts).containsExactly(sink);
        assertThat(listener.text()).startsWith(".");
        listener.assertClean();
    }

    @Test
    void timeoutCancelsTheAttemptWhoseFailureCarriesTheTimeout() throws Exception {
        RecordingLlmListener listener = new RecordingLlmListener();
        start(listener, new LlmTimeouts(Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofSeconds(30),
                Duration.ofSeconds(30)));
        ReplySink sink = nextAttempt();

        LlmException error = listener.awaitError();

        assertThat(cancelledAttempts).containsExactly(sink);
        assertThat(error.code()).isEqualTo(502);
        assertThat(error).hasMessage("no reply from m within 50 ms");
        listener.assertClean();
    }

    private StreamingCall start(LlmListener listener, LlmTimeouts timeouts) {
        return start(listener, timeouts, LlmSettings.DEFAULT_RETRIES);
    }

    private StreamingCall start(LlmListener listener, LlmTimeouts timeouts, int retries) {
        return StreamingCall.start("test", sink -> {
            attempts.add(sink);
            return () -> {
                cancelledAttempts.add(sink);
                // Like OkHttp: a cancelled call reports its failure on its own thread.
                new Thread(() -> sink.failed(new IOException("Canceled"), false)).start();
            };
        }, listener, scheduler, timeouts, retries, FAILURES);
    }

    /** Timeouts where only the turn limit can strike. */
    private static LlmTimeouts turnLimit(Duration turn) {
        return new LlmTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), turn);
    }

    private void assertEndsWithoutRetry(RecordingLlmListener listener, String message) throws InterruptedException {
        assertThat(listener.awaitError()).hasMessage(message);
        assertThat(attempts).as("attempts started after the error").isEmpty();
        listener.assertClean();
    }

    private ReplySink nextAttempt() throws InterruptedException {
        ReplySink sink = attempts.poll(10, TimeUnit.SECONDS);
        assertThat(sink).as("attempt started").isNotNull();
        return sink;
    }

    /** Runs {@code steps} on another thread, as HTTP callbacks do, and waits for it to finish. */
    private static void onHttpThread(Runnable steps) throws InterruptedException {
        Thread thread = new Thread(steps, "fake-http");
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(thread.isAlive()).as("callbacks returned").isFalse();
    }
}
