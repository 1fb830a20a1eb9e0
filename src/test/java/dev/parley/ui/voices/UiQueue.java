package dev.parley.ui.voices;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A stand-in for the JavaFX application thread in ViewModel tests: tasks queue up and run on the
 * test thread when it pumps them, so the ViewModel's state is only ever touched by one thread.
 */
final class UiQueue implements Executor {

    /** A safety net against hanging builds, not a timing expectation. */
    private static final long GIVE_UP_SECONDS = 20;

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs UI tasks as they arrive until the condition holds. */
    void runUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
        while (!condition.getAsBoolean()) {
            Runnable task = tasks.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (task == null) {
                fail("gave up waiting for " + what);
            }
            task.run();
        }
    }

    /** Runs the tasks already queued. */
    void runPending() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }
}
