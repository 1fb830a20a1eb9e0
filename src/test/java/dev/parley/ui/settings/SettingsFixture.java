package dev.parley.ui.settings;

import dev.parley.config.Config;
import dev.parley.config.ConfigLoader;
import dev.parley.config.Provider;
import dev.parley.config.SettingsStore;
import dev.parley.llm.LlmProvider;
import dev.parley.llm.LlmSettings;
import dev.parley.llm.OllamaProvider;
import dev.parley.llm.OpenAiProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * What a settings test needs besides the view model: a settings folder, the real providers on a
 * real HTTP client (as the app builds them), and a target that records what it is asked to apply.
 */
final class SettingsFixture implements AutoCloseable {

    static final Map<String, String> LINUX = Map.of("user.home", "/home/ada", "os.name", "Linux");

    final Path folder;
    final Map<String, String> env;
    final OkHttpClient http = new OkHttpClient();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "settings-test-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    final List<Config> applied = new CopyOnWriteArrayList<>();
    /** Thrown by the target instead of applying, when set. */
    volatile IOException applyFailure;

    /** @param env the environment besides {@code PARLEY_CONFIG_DIR}, which points at {@code folder} */
    SettingsFixture(Path folder, Map<String, String> env) {
        this.folder = folder;
        this.env = new HashMap<>(env);
        this.env.put("PARLEY_CONFIG_DIR", folder.toString());
    }

    Path file() {
        return folder.resolve("settings.json");
    }

    /** A store as the app builds it at start: reads the settings file now. */
    SettingsStore store(String portFlag) throws Exception {
        return new SettingsStore(ConfigLoader.withSettingsFile(env, LINUX), null, portFlag);
    }

    Function<Config, LlmProvider> providers() {
        return config -> config.provider() == Provider.OPENAI
                ? new OpenAiProvider(http, scheduler,
                        new LlmSettings(config.openAiBaseUrl(), config.openAiApiKey(), config.openAiModel()))
                : new OllamaProvider(http, scheduler,
                        new LlmSettings(config.ollamaBaseUrl(), config.ollamaApiKey(), config.ollamaModel()));
    }

    SettingsTarget target() {
        return next -> {
            IOException failure = applyFailure;
            if (failure != null) {
                throw failure;
            }
            applied.add(next);
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
