package dev.parley;

import dev.parley.bench.Bench;
import dev.parley.bench.VoiceBench;
import dev.parley.config.CommandLine;
import dev.parley.config.Config;
import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import dev.parley.config.SettingsStore;
import dev.parley.server.ParleyServer;
import dev.parley.tts.download.CatalogueClient;
import dev.parley.tts.download.VoiceCommands;
import dev.parley.ui.DesktopLauncher;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: parses the command line and the environment, then runs the window, the headless
 * server, or a voice command. Exit codes: 0 done, 1 a command failed, 2 bad usage or settings.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** Runs a command; returns its exit code, or -1 when a long-running mode keeps the process alive. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line;
        ConfigLoader loader;
        SettingsStore settings;
        Config config;
        try {
            line = CommandLine.parse(args);
            if (line.mode() == CommandLine.Mode.HELP) {
                out.print(HelpText.render());
                return 0;
            }
            if (line.mode() == CommandLine.Mode.VERSION) {
                out.println("Parley " + Version.get());
                return 0;
            }
            loader = ConfigLoader.fromSystem();
            settings = new SettingsStore(loader, line.host(), line.port());
            config = settings.config();
        } catch (ConfigException e) {
            err.println("parley: " + e.getMessage());
            return 2;
        }
        // Before the first logger exists; the settings file can set LOG_LEVEL, so its problems are logged after.
        Optional<String> logProblem = Logging.configure(config.logLevel(), config.dataDir().resolve("logs"),
                System.err);
        Logger log = LoggerFactory.getLogger(Main.class);
        logProblem.ifPresent(log::warn);
        loader.settingsProblems().forEach(log::warn);
        return switch (line.mode()) {
            case HEADLESS -> headless(config, err);
            case LIST_VOICES -> voiceCommands(config).listVoices(
                    line.arguments().isEmpty() ? null : line.arguments().get(0), out, err);
            case DOWNLOAD_VOICES -> voiceCommands(config).downloadVoices(line.arguments(), out, err);
            case BENCH_VOICES -> VoiceBench.run(config, out, err);
            case BENCH -> Bench.run(config, line.arguments(), out, err);
            case WINDOW -> DesktopLauncher.launch(settings, err);
            case HELP, VERSION -> throw new IllegalStateException("handled above");
        };
    }

    private static VoiceCommands voiceCommands(Config config) {
        return new VoiceCommands(new okhttp3.OkHttpClient(), CatalogueClient.baseUrl(config.voicesUrl()),
                config.modelsDir());
    }

    private static int headless(Config config, PrintStream err) {
        Parley parley;
        try {
            parley = Parley.create(config);
            ParleyServer server = parley.startServer();
            // To standard output, never the log: the person who started Parley hands it to clients.
            parley.generatedToken().ifPresent(token -> System.out.println("Parley listens on " + server.host()
                    + ": clients must send the access token " + token
                    + " (as ?token= or Authorization: Bearer); set PARLEY_TOKEN to choose one"));
        } catch (IOException e) {
            err.println("parley: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            parley.close();
            stopped.countDown();
        }, "parley-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }
}
