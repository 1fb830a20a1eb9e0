package dev.parley.bench;

import dev.parley.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts Parley headless in a child JVM, as {@code java -jar parley.jar --headless --port 0} would,
 * and times it from process start to its {@code Listening on ws://…} line; then streams one spoken
 * turn through it, so one voice is loaded, and reads its resident memory.
 */
final class HeadlessStart {

    private static final long START_TIMEOUT_SECONDS = 60;
    private static final Pattern LISTENING = Pattern.compile("Listening on ws://[^:]+:(\\d+)/");

    private HeadlessStart() {
    }

    /**
     * @param millis start to listening, per start
     * @param residentBytes the child's resident memory after one spoken turn, or -1 when unknown
     */
    record Figures(Percentiles millis, long residentBytes) {
    }

    /**
     * @param env the child's settings; the user's own settings in this process's environment are
     *     not passed on
     * @param starts how many times to start it
     * @param provider the provider {@code env} points the child at
     */
    static Figures measure(Map<String, String> env, int starts, ScriptedOpenAi provider)
            throws IOException, InterruptedException, BenchException {
        double[] millis = new double[starts];
        long resident = -1;
        for (int i = 0; i < starts; i++) {
            Process child = start(env);
            // A child that hangs before listening is stopped, which ends the wait for its log.
            CompletableFuture.runAsync(child::destroyForcibly,
                    CompletableFuture.delayedExecutor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            try {
                long began = System.nanoTime();
                int port = awaitListening(child);
                millis[i] = Percentiles.millis(System.nanoTime() - began);
                if (i == starts - 1) {
                    new ClientFleet(BenchApp.stream(port), provider).run(1, 60, null);
                    resident = MemoryProbe.residentBytes(child.pid());
                }
            } finally {
                child.destroy();
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
        return new Figures(Percentiles.ofMillis(millis), resident);
    }

    private static Process start(Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.parley.Main", "--headless", "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        ConfigLoader.forgetSettings(builder.environment());
        builder.environment().putAll(env);
        builder.environment().put("LOG_LEVEL", "info");
        return builder.start();
    }

    /** Reads the child's log until it listens; the rest of its output is drained on a daemon thread. */
    private static int awaitListening(Process child) throws IOException, BenchException {
        BufferedReader log = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = log.readLine(); line != null; line = log.readLine()) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread drain = new Thread(() -> drain(log), "bench-child-log");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(listening.group(1));
            }
            seen.add(line);
        }
        throw new BenchException("headless Parley exited without listening: " + String.join(" | ", seen));
    }

    /** Reads the child's output until it ends, so the child never blocks on a full pipe. */
    private static void drain(BufferedReader log) {
        try {
            while (log.readLine() != null) {
                // Only the listening line mattered.
            }
        } catch (IOException e) {
            // The child was stopped: its output is closed.
        }
    }
}
