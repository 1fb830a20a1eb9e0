package dev.parley.tts;

import dev.parley.concurrent.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a program with bytes on its standard input and collects its output. The command is an
 * argument list, never a shell string, and text goes through stdin, so nothing in it is parsed as
 * an option or by a shell.
 *
 * <p>The pipes are served by daemon threads so that a chatty child cannot dead-lock on a full pipe
 * while the caller waits in {@link Process#waitFor(long, TimeUnit)}, which is interruptible: an
 * interrupted caller or an elapsed timeout kills the child.
 */
final class ProcessRunner {

    private static final int MAX_STDERR_BYTES = 4096;

    private static final ExecutorService PIPES =
            Executors.newCachedThreadPool(DaemonThreads.named("parley-process-pipe"));

    record Result(int exitCode, byte[] stdout, String stderr) {

        /** The first line of stderr, or the exit code when stderr was empty; for messages. */
        String failure() {
            String line = stderr.strip().lines().findFirst().orElse("");
            return line.isEmpty() ? "exit code " + exitCode : line;
        }
    }

    private ProcessRunner() {
    }

    /**
     * Runs {@code command} to completion.
     *
     * @throws IOException when the program cannot be started (e.g. it is not installed)
     * @throws TimeoutException when it ran longer than {@code timeout}; it has been killed
     * @throws InterruptedException when the caller was interrupted; the child has been killed
     */
    static Result run(List<String> command, byte[] stdin, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        try {
            CompletableFuture<Void> writer =
                    CompletableFuture.runAsync(() -> write(process.getOutputStream(), stdin), PIPES);
            CompletableFuture<byte[]> stdout =
                    CompletableFuture.supplyAsync(() -> readAll(process.getInputStream(), Integer.MAX_VALUE), PIPES);
            CompletableFuture<byte[]> stderr =
                    CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream(), MAX_STDERR_BYTES), PIPES);
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException(
                        command.get(0) + " did not finish within " + timeout.toMillis() + " ms");
            }
            long left = Math.max(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(1));
            writer.get(left, TimeUnit.NANOSECONDS);
            return new Result(process.exitValue(), stdout.get(left, TimeUnit.NANOSECONDS),
                    new String(stderr.get(left, TimeUnit.NANOSECONDS), StandardCharsets.UTF_8));
        } catch (ExecutionException e) {
            throw new IOException("I/O with " + command.get(0) + " failed", e.getCause());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static void write(OutputStream in, byte[] bytes) {
        try (in) {
            in.write(bytes);
        } catch (IOException e) {
            // The child closed its stdin early (e.g. it failed on its options); its exit code says why.
        }
    }

    private static byte[] readAll(InputStream stream, int keep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int n; (n = stream.read(buffer)) >= 0; ) {
                out.write(buffer, 0, Math.max(0, Math.min(n, keep - out.size())));
            }
        } catch (IOException e) {
            // The pipe closes when the child is killed; what was read so far is all there is.
        }
        return out.toByteArray();
    }
}
