package dev.parley.llm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * The client side of a provider test: an OkHttp client whose event listener records cancellations,
 * a way to wait until no HTTP call is running (so every callback has returned), and the scheduler
 * the providers use for timeouts and retries.
 */
final class HttpFixture implements AutoCloseable {

    private static final long GIVE_UP_SECONDS = 10;

    final BlockingQueue<String> canceled = new LinkedBlockingQueue<>();
    final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "llm-test-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    final OkHttpClient client;
    private final Semaphore idle = new Semaphore(0);

    HttpFixture() {
        scheduler.setRemoveOnCancelPolicy(true);
        client = new OkHttpClient.Builder()
                .eventListener(new EventListener() {
                    @Override
                    public void canceled(Call call) {
                        canceled.add(call.request().url().toString());
                    }
                })
                .build();
        client.dispatcher().setIdleCallback(idle::release);
    }

    /** Waits until the dispatcher runs no call, i.e. every HTTP callback has returned. */
    void awaitIdle() throws InterruptedException {
        while (client.dispatcher().runningCallsCount() > 0) {
            if (!idle.tryAcquire(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("HTTP calls still running after " + GIVE_UP_SECONDS + " s");
            }
        }
    }

    /**
     * The OkHttp threads blocked reading a socket, by name: after a call ends, cancelled or not,
     * there should be none (idle pool threads wait on a queue, not a socket).
     */
    static List<String> threadsReadingSockets() {
        List<String> reading = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            boolean inSocketRead = Arrays.stream(stack).anyMatch(frame -> frame.getMethodName().contains("read")
                    && (frame.getClassName().contains("Socket") || frame.getClassName().startsWith("okio.")));
            if (thread.getName().startsWith("OkHttp") && inSocketRead) {
                reading.add(thread.getName());
            }
        });
        return reading;
    }

    /** A local port nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        client.dispatcher().executorService().shutdownNow();
        client.connectionPool().evictAll();
    }
}
