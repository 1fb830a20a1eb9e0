package dev.parley.llm;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed reply: runs HTTP attempts through a {@link Transport}, forwards what they report to
 * the {@link LlmListener}, enforces the token timeouts and retries an HTTP 429 up to
 * {@value #MAX_RETRIES} times.
 *
 * <p>The call is open until its first terminal callback or {@link #cancel()}; from then on nothing
 * reaches the listener. Listener callbacks run holding {@code delivery}, so {@code cancel()} can wait
 * out a callback in flight on another thread. Locks are only ever taken in the order
 * {@code delivery} then {@code control}, since a listener may call {@code cancel()} from a callback.
 *
 * <p>A timeout does not call the listener from the scheduler thread: the watchdog records the
 * error and cancels the HTTP attempt, whose failure callback then delivers it on the HTTP thread.
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

    static final int MAX_RETRIES = 2;

    private static final Logger log = LoggerFactory.getLogger(StreamingCall.class);

    private final String provider;
    private final Transport transport;
    private final LlmListener listener;
    private final ScheduledExecutorService scheduler;
    private final LlmTimeouts timeouts;
    private final Failures failures;

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
                          ScheduledExecutorService scheduler, LlmTimeouts timeouts, Failures failures) {
        this.provider = provider;
        this.transport = transport;
        this.listener = listener;
        this.scheduler = scheduler;
        this.timeouts = timeouts;
        this.failures = failures;
    }

    /** Starts the first attempt and returns the running call. */
    static StreamingCall start(String provider, Transport transport, LlmListener listener,
                               ScheduledExecutorService scheduler, LlmTimeouts timeouts, Failures failures) {
        StreamingCall call = new StreamingCall(provider, transport, listener, scheduler, timeouts, failures);
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
    public void rateLimited(LlmException error, Duration wait) {
        synchronized (control) {
            if (finished.get()) {
                return;
            }
            if (retries < MAX_RETRIES) {
                retries++;
                stopTimers();
                attempt = null;
                log.info("{} is rate limiting (HTTP 429); retry {} of {} in {} ms",
                        provider, retries, MAX_RETRIES, wait.toMillis());
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

    // Requires control.
    private void scheduleWatchdog(int number, long delayNanos) {
        watchdog = scheduler.schedule(() -> checkProgress(number), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkProgress(int number) {
        synchronized (control) {
            if (finished.get() || number != attemptNumber || attempt == null) {
                return;
            }
            boolean started = dataSeen;
            Duration limit = started ? timeouts.betweenTokens() : timeouts.firstToken();
            long idle = System.nanoTime() - lastDataNanos;
            if (idle < limit.toNanos()) {
                scheduleWatchdog(number, limit.toNanos() - idle);
                return;
            }
            timedOut = started ? failures.stalled(limit) : failures.noReply(limit);
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
