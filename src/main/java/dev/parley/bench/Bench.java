package dev.parley.bench;

import dev.parley.Parley;
import dev.parley.config.Config;
import dev.parley.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code --bench}: measures what users feel of Parley's speed, without any network. A scripted
 * OpenAI-compatible provider streams a fixed reply at a fixed token rate; a real Parley relays and
 * speaks it; real WebSocket clients measure relay latency per token, what Parley adds to the time
 * to first token, and the time to first audio. Then playback headroom at several token rates,
 * every voice's speed, memory, and a headless start. Writes {@code BENCHMARKS.md} and a plot.
 *
 * <p>A benchmark, not a test: the figures depend on the machine and its load.
 */
public final class Bench {

    private static final long TURN_TIMEOUT_SECONDS = 120;
    /**
     * Rounds of {@link #WARM_UP_CLIENTS} spoken turns before measuring: enough tokens for the JIT to
     * compile the relay path (with three single turns the one-client median was 0.78 ms, warm 0.5).
     */
    private static final int WARM_UP_ROUNDS = 3;
    private static final int WARM_UP_CLIENTS = 10;

    private final Config user;
    private final BenchOptions options;
    private final PrintStream out;

    private Bench(Config user, BenchOptions options, PrintStream out) {
        this.user = user;
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the benchmark with the flags that followed {@code --bench}; returns the exit code.
     *
     * @param user the user's settings, for the voices to measure and the espeak-ng program
     */
    public static int run(Config user, List<String> args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (ConfigException e) {
            err.println("parley: " + e.getMessage());
            return 2;
        }
        // The plot is drawn off screen; without this, a desktop session would start a window toolkit for it.
        System.setProperty("java.awt.headless", "true");
        String command = String.join(" ", "java -jar target/parley.jar --bench", String.join(" ", args)).strip();
        try {
            BenchResults results = new Bench(user, options, out).measure(command);
            Path page = BenchReport.write(results, options.out());
            out.println("Wrote " + page);
            return 0;
        } catch (BenchException | IOException | ConfigException e) {
            err.println("parley: the benchmark failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private BenchResults measure(String command)
            throws IOException, ConfigException, BenchException, InterruptedException {
        long began = System.nanoTime();
        ReplyScript script = ReplyScript.firstTokens(options.replyTokens());
        out.printf("Parley benchmark: %s%nReply of %d tokens, provider's first token after %d ms.%n",
                Machine.describe(), script.tokens().size(), options.firstTokenDelayMillis());
        List<StreamFigures> relay = new ArrayList<>();
        List<StreamFigures> headroom = new ArrayList<>();
        MemoryProbe.Reading warm;
        AtomicReference<MemoryProbe.Reading> loaded = new AtomicReference<>();
        HeadlessStart.Figures start;
        try (ScriptedOpenAi provider = ScriptedOpenAi.start(script, options.firstTokenDelayMillis(),
                options.tokensPerSecond());
                BenchApp app = BenchApp.start(user, provider, options.maxClients())) {
            ClientFleet spoken = new ClientFleet(app.stream(true), provider);
            ClientFleet textOnly = new ClientFleet(app.stream(false), provider);
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                spoken.run(Math.min(WARM_UP_CLIENTS, options.maxClients()), TURN_TIMEOUT_SECONDS, null);
            }
            warm = MemoryProbe.Reading.now(true);
            for (int clients : options.clients()) {
                boolean speech = clients <= options.speechUpTo();
                boolean sampleMemory = clients == options.maxClients();
                List<BenchClient> finished = new ArrayList<>();
                for (int rep = 0; rep < options.repetitions(); rep++) {
                    Runnable probe = sampleMemory && rep == 0 ? () -> loaded.set(MemoryProbe.Reading.now(false))
                            : null;
                    finished.addAll((speech ? spoken : textOnly).run(clients, TURN_TIMEOUT_SECONDS, probe));
                }
                StreamFigures figures = StreamFigures.of(clients, speech, options.tokensPerSecond(), finished);
                relay.add(figures);
                out.printf("%3d clients%s: relay p50 %.2f ms, p99 %.2f ms; Parley adds %.1f ms to the first token;"
                        + " first audio %.1f ms%n", clients, speech ? ", spoken" : ", text only", figures.relay().p50(),
                        figures.relay().p99(), figures.addedFirstToken().p50(), figures.firstAudio().p50());
            }
            for (int rate : options.headroomRates()) {
                provider.tokensPerSecond(rate);
                List<BenchClient> finished = new ArrayList<>();
                for (int rep = 0; rep < options.repetitions(); rep++) {
                    finished.addAll(spoken.run(1, TURN_TIMEOUT_SECONDS, null));
                }
                StreamFigures figures = StreamFigures.of(1, true, rate, finished);
                headroom.add(figures);
                out.printf("%3d tokens/s: %d underruns in %d turns%n", rate, figures.underruns(), figures.turns());
            }
            start = HeadlessStart.measure(app.env(), options.repetitions(), provider);
            out.printf("Headless start to listening: %.0f ms%n", start.millis().p50());
        }
        List<String> voiceProblems = new ArrayList<>();
        List<VoiceFigures> voices;
        try (Parley parley = Parley.create(user)) {
            voices = VoiceTimings.measureAll(parley, voiceProblems::add);
        }
        return new BenchResults(command, Instant.now(), (System.nanoTime() - began) / 1e9, Machine.describe(),
                options, script.tokens().size(), relay, headroom, voices, voiceProblems, warm, loaded.get(), start);
    }
}
