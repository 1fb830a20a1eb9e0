package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.ConfigLoader;
import dev.parley.testing.InstantOpenAi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A headless Parley started as people start it ({@code Main --headless --host 0.0.0.0}, a child
 * JVM with its own data folder) without {@code PARLEY_TOKEN}: the token it generates is printed
 * once to standard output, works, and reaches neither the console log nor the log files, even at
 * debug level where every request is logged.
 */
class GeneratedTokenTest {

    private static final Pattern LISTENING = Pattern.compile("Listening on ws://[^:]+:(\\d+)/");
    private static final Pattern PRINTED = Pattern.compile("the access token (\\S+) ");

    @TempDir
    Path dir;

    @Test
    void theGeneratedTokenIsPrintedOnceWorksAndIsNeverLogged() throws Exception {
        Path data = dir.resolve("data");
        try (InstantOpenAi upstream = new InstantOpenAi("Hi.")) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "dev.parley.Main", "--headless",
                    "--host", "0.0.0.0", "--port", "0");
            ConfigLoader.forgetSettings(builder.environment());
            builder.environment().putAll(java.util.Map.of("HOME", dir.toString(), "PARLEY_DATA_DIR", data.toString(),
                    "PARLEY_MODELS_DIR", dir.resolve("models").toString(), "OPENAI_API_KEY", "sk-test-secret-4242",
                    "OPENAI_BASE_URL", upstream.baseUrl(), "PARLEY_ESPEAK_NG", dir.resolve("no-espeak-ng").toString(),
                    "LOG_LEVEL", "debug"));
            Process child = builder.start();
            // A child that hangs is stopped, which ends every read of its output.
            CompletableFuture.runAsync(child::destroyForcibly, CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS));
            BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
            StringBuffer stdout = new StringBuffer();
            StringBuffer console = new StringBuffer();
            Thread outReader = drain(child.getInputStream(), stdout, stdoutLines);
            Thread errReader = drain(child.getErrorStream(), console, new LinkedBlockingQueue<>());
            String token;
            try {
                String line = stdoutLines.poll(30, TimeUnit.SECONDS);
                assertThat(line).as("a line on standard output").isNotNull();
                Matcher printed = PRINTED.matcher(line);
                assertThat(printed.find()).as("the token in %s", line).isTrue();
                token = printed.group(1);
                int port = awaitListening(console);

                WsTestClient served = WsTestClient.connect(port, "message=hello&token=" + token);
                assertThat(served.awaitEnd().get("status").asText()).isEqualTo("complete");
                assertThat(served.awaitClose()).isEqualTo(1000);
                assertThatThrownBy(() -> WsTestClient.connect(port, "message=hello")).satisfies(e -> assertThat(
                        handshakeRefusal(e).getResponse().statusCode()).isEqualTo(401));
            } finally {
                child.destroy();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child stops").isTrue();
                outReader.join(10_000);
                errReader.join(10_000);
            }
            assertThat(stdout.toString().split(Pattern.quote(token), -1)).as("printed exactly once: %s", stdout)
                    .hasSize(2);
            assertThat(console.toString()).contains("Refused a request without the access token").doesNotContain(token);
            List<Path> logFiles;
            try (Stream<Path> files = Files.list(data.resolve("logs"))) {
                logFiles = files.toList();
            }
            assertThat(logFiles).isNotEmpty();
            for (Path file : logFiles) {
                assertThat(Files.readString(file)).as(file.toString()).contains("Listening on").doesNotContain(token);
            }
        }
    }

    /** The port from the console log's listening line, waiting up to 30 s for it. */
    private static int awaitListening(StringBuffer console) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Matcher listening = LISTENING.matcher(console);
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            assertThat(System.nanoTime()).as("the listening line in %s", console).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static WebSocketHandshakeException handshakeRefusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("not a refused handshake", e);
    }

    /** Reads the stream line by line until it ends, into {@code all} and {@code lines}. */
    private static Thread drain(InputStream in, StringBuffer all, BlockingQueue<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = text.readLine(); line != null; line = text.readLine()) {
                    all.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                // The child was stopped: its output is closed.
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
