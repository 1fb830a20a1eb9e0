package dev.parley.llm;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed reply: runs HTTP attempts through a {@link Transport}, forwards what they report to
 * the {@link LlmListener}, enforces the token and turn timeouts, and retries a busy server's
 * refusal (HTTP 429 or 503) a configured number of times, after the wait it asks for or a
 * jittered backoff ({@link Retries}). Retries happen only before the first piece of data: once the
 * reply has begun, any failure ends it.
 *
 * <p>The call is open until its first terminal callback or {@link #cancel()}; from then on nothing
 * reaches the listener. Listener callbacks run holding {@code delivery}, so {@code cancel()} can wait
 * out a callback in flight on another thread. Locks are only ever taken in the order
 * {@code delivery} then {@code control}, since a listener may call {@code cancel()} from a callback.
 *
 * <p>A timeout does not call the listener from the scheduler thread: the watchdog records the
 * error and cancels the HTTP attempt, whose failure callback then delivers it on the HTTP thread.
 * So a server that accepts the request and then sends nothing, or trickles forever, holds no
 * thread past its timeout: cancelling the OkHttp call unblocks the thread reading it.
 */
final class StreamingCall implements LlmCall, ReplySink {

    /** Starts one HTTP attempt that reports to the sink. */
    @FunctionalInterface
    interface Transport {
        Attempt start(ReplySink sink);
    }

    /** A running HTTP attempt. */
    @FunctionalInterface
    interface Attempt {
        /** Aborts the HTTP call; idempotent. The attempt then reports {@link ReplySink#failed}. */
        void cancel();
    }

    private static final Logger log = LoggerFactory.getLogger(StreamingCall.class);

    private final String provider;
    private final Transport transport;
    private final LlmListener listener;
    private final ScheduledExecutorService scheduler;
    private final LlmTimeouts timeouts;
    private final int maxRetries;
    private final Failures failures;
    private final long deadlineNanos;

    private final AtomicBoolean finished = new AtomicBoolean();
    private final ReentrantLock delivery = new ReentrantLock();
    private final Object control = new Object();

    // Guarded by control.
    private Attempt attempt;
    private int attemptNumber;
    private int retries;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> pendingRetry;

    // Written by the current attempt's HTTP thread, read by the watchdog.
    private volatile long lastDataNanos;
    private volatile boolean dataSeen;
    private volatile LlmException timedOut;

    private StreamingCall(String provider, Transport transport, LlmListener listener,
                          ScheduledExecutorService scheduler, LlmTimeouts timeouts, int maxRetries, Failures failures) {
        this.provider = provider;
        this.transport = transport;
        this.listener = listener;
        this.scheduler = scheduler;
        this.timeouts = timeouts;
        this.maxRetries = maxRetries;
        this.failures = failures;
        this.deadlineNanos = System.nanoTime() + timeouts.turn().toNanos();
    }

    /**
     * Starts the first attempt and returns the running call.
     *
     * @param maxRetries how many times a busy server's refusal is retried
     */
    static StreamingCall start(String provider, Transport transport, LlmListener listener,
                               ScheduledExecutorService scheduler, LlmTimeouts timeouts, int maxRetries,
                               Failures failures) {
        StreamingCall call = new StreamingCall(provider, transport, listener, scheduler, timeouts, maxRetries, failures);
        call.startAttempt();
        return call;
    }

    @Override
    public void cancel() {
        synchronized (control) {
            if (finished.compareAndSet(false, true)) {
                if (attempt != null) {
                    attempt.cancel();
                }
                stopTimers();
                log.debug("{} reply cancelled", provider);
            }
        }
        // Waits until a callback running on another thread returns; re-entrant for the listener's own thread.
        delivery.lock();
        delivery.unlock();
    }

    @Override
    public void token(String text) {
        lastDataNanos = System.nanoTime();
        if (!dataSeen) {
            dataSeen = true;
            synchronized (control) {
                if (watchdog != null) {
                    watchdog.cancel(false);
                    scheduleWatchdog(attemptNumber, timeouts.betweenTokens().toNanos());
                }
            }
        }
        if (text.isEmpty()) {
            return;
        }
        delivery.lock();
        try {
            if (!finished.get()) {
                listener.onToken(text);
            }
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public void complete(LlmUsage usage) {
        finish(l -> l.onComplete(usage), null);
    }

    @Override
    public void fail(LlmException error) {
        finish(l -> l.onError(error), error);
    }

    @Override
    public void retryLater(LlmException error, Duration retryAfter) {
        synchronized (control) {
            if (finished.get()) {
                return;
            }
            Duration wait = Retries.delay(retries + 1, retryAfter, ThreadLocalRandom.current().nextDouble());
            boolean inTime = System.nanoTime() + wait.toNanos() < deadlineNanos;
            if (!dataSeen && retries < maxRetries && inTime) {
                retries++;
                stopTimers();
                attempt = null;
                log.info("{} is busy ({}); retry {} of {} in {} ms",
                        provider, error.getMessage(), retries, maxRetries, wait.toMillis());
                pendingRetry = scheduler.schedule(this::startAttempt, wait.toNanos(), TimeUnit.NANOSECONDS);
                return;
            }
        }
        fail(error);
    }

    @Override
    public void failed(Throwable failure, boolean responseStarted) {
        LlmException timeout = timedOut;
        fail(timeout != null ? timeout : failures.transport(failure, responseStarted));
    }

    private void startAttempt() {
        synchronized (control) {
            if (finished.get()) {
                return;
            }
            attemptNumber++;
            dataSeen = false;
            timedOut = null;
            lastDataNanos = System.nanoTime();
            attempt = transport.start(this);
            scheduleWatchdog(attemptNumber, timeouts.firstToken().toNanos());
        }
    }

    private void finish(Consumer<LlmListener> terminal, LlmException error) {
        boolean delivered = false;
        delivery.lock();
        try {
            if (finished.compareAndSet(false, true)) {
                delivered = true;
                if (error != null) {
                    log.warn("{} reply failed ({}): {}", provider, error.code(), error.getMessage());
                }
                terminal.accept(listener);
            }
        } finally {
            delivery.unlock();
        }
        if (delivered) {
            synchronized (control) {
                stopTimers();
            }
        }
    }

    // Requires control. Wakes up after delayNanos, or at the turn's deadline if that comes first.
    private void scheduleWatchdog(int number, long delayNanos) {
        long untilDeadline = deadlineNanos - System.nanoTime();
        watchdog = scheduler.schedule(() -> checkProgress(number), Math.min(delayNanos, untilDeadline),
                TimeUnit.NANOSECONDS);
    }

    private void checkProgress(int number) {
        synchronized (control) {
            if (finished.get() || number != attemptNumber || attempt == null) {
                return;
            }
            long now = System.nanoTime();
            boolean started = dataSeen;
            Duration limit = started ? timeouts.betweenTokens() : timeouts.firstToken();
            long idle = now - lastDataNanos;
            if (now - deadlineNanos >= 0) {
                timedOut = failures.tooLong(timeouts.turn());
            } else if (idle < limit.toNanos()) {
                scheduleWatchdog(number, limit.toNanos() - idle);
                return;
            } else {
                timedOut = started ? failures.stalled(limit) : failures.noReply(limit);
            }
            attempt.cancel();
        }
    }

    // Requires control.
    private void stopTimers() {
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
            pendingRetry = null;
        }
    }
}
