package dev.parley.ui.voices;

import java.util.function.LongSupplier;

/**
 * Decides which progress reports of a download are worth a hop to the UI thread: the first, the
 * last, and otherwise at most one per interval, so that a fast download cannot flood the JavaFX
 * event queue. Used by one downloading thread; not thread-safe.
 */
final class ProgressThrottle {

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private boolean emitted;
    private long lastEmitted;

    /**
     * @param intervalNanos the least time between two reports, except for the last one
     * @param nanoClock a monotonic clock such as {@code System::nanoTime}
     */
    ProgressThrottle(long intervalNanos, LongSupplier nanoClock) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    /** Whether to show this progress; when it says yes, the interval starts again. */
    boolean shouldEmit(long done, long total) {
        if (done >= total) {
            return true;
        }
        long now = nanoClock.getAsLong();
        if (emitted && now - lastEmitted < intervalNanos) {
            return false;
        }
        emitted = true;
        lastEmitted = now;
        return true;
    }
}
