package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void tasksRunInSubmissionOrderOneAtATimeOnAPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1000);
            for (int i = 0; i < 1000; i++) {
                int n = i;
                serial.execute(() -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    seen.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(maxRunning).hasValue(1);
            for (int i = 0; i < 1000; i++) {
                assertThat(seen.get(i)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTaskSubmittedFromATaskRunsAfterItOnTheCallingThread() {
        SerialExecutor serial = new SerialExecutor(Runnable::run);
        List<String> order = new ArrayList<>();
        serial.execute(() -> {
            serial.execute(() -> order.add("inner"));
            order.add("outer");
        });
        assertThat(order).containsExactly("outer", "inner");
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() {
        Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
        List<Throwable> reported = new ArrayList<>();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            SerialExecutor serial = new SerialExecutor(Runnable::run);
            List<String> order = new ArrayList<>();
            serial.execute(() -> {
                throw new IllegalStateException("boom");
            });
            serial.execute(() -> order.add("next"));
            assertThat(order).containsExactly("next");
            assertThat(reported).singleElement().hasFieldOrPropertyWithValue("message", "boom");
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(previous);
        }
    }
}
