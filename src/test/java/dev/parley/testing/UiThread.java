package dev.parley.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A stand-in for the FX thread in view-model tests: one thread on which events are delivered and
 * state is read, so tests see what a view would see, without a toolkit.
 */
public final class UiThread implements Executor, AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "test-ui");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    /** Runs on the UI thread and returns the result. */
    public <T> T call(Callable<T> task) throws Exception {
        return thread.submit(task).get(10, TimeUnit.SECONDS);
    }

    /** Runs on the UI thread. */
    public void run(Runnable task) throws Exception {
        thread.submit(task).get(10, TimeUnit.SECONDS);
    }

    /** Waits (up to 10 s) until the condition, evaluated on the UI thread, holds. */
    public void await(String what, Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!call(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
