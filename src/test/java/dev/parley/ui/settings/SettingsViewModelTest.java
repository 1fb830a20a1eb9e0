package dev.parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.Config;
import dev.parley.config.ConfigLoader;
import dev.parley.config.Provider;
import dev.parley.config.Setting;
import dev.parley.config.SettingsFile;
import dev.parley.config.SettingsStore;
import dev.parley.config.UserSettings;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SettingsViewModel} without a toolkit: same-thread executors, a real settings file, real providers. */
class SettingsViewModelTest {

    private static final Executor SAME_THREAD = Runnable::run;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path folder;

    private SettingsFixture fixture;
    private final AtomicInteger closed = new AtomicInteger();
    /** A local address nothing listens on, for servers a test does not talk to. */
    private String nowhere;

    @BeforeEach
    void findAClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            nowhere = "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private SettingsViewModel open(Map<String, String> env, Map<Setting, String> file) throws Exception {
        return open(env, file, SAME_THREAD);
    }

    /** Base URLs neither {@code env} nor {@code file} sets point {@link #nowhere}, never at api.openai.com. */
    private SettingsViewModel open(Map<String, String> env, Map<Setting, String> file, Executor background)
            throws Exception {
        Map<String, String> environment = new HashMap<>(env);
        for (Setting url : List.of(Setting.OPENAI_BASE_URL, Setting.OLLAMA_BASE_URL)) {
            if (!env.containsKey(url.name()) && !file.containsKey(url)) {
                environment.put(url.name(), nowhere);
            }
        }
        fixture = new SettingsFixture(folder, environment);
        if (!file.isEmpty()) {
            new SettingsFile(fixture.file()).write(new UserSettings(file, UserSettings.EMPTY.ui()));
        }
        SettingsViewModel viewModel = new SettingsViewModel(fixture.store(null), fixture.providers(),
                fixture.target(), background, SAME_THREAD);
        viewModel.open();
        return viewModel;
    }

    private Map<Setting, String> savedValues() {
        return new SettingsFile(fixture.file()).read().settings().values();
    }

    @Test
    void opensWithTheCurrentValuesAndSaysWhereTheyComeFrom() throws Exception {
        ModelServer models = new ModelServer(server);
        SettingsViewModel viewModel = open(
                Map.of("OPENAI_API_KEY", "sk-env-key", "OPENAI_MODEL", "gpt-4.1"),
                Map.of(Setting.OPENAI_BASE_URL, models.openAiUrl(), Setting.SYSTEM_PROMPT, "Be brief."));

        assertThat(viewModel.providerProperty().get()).isEqualTo(Provider.OPENAI);
        assertThat(viewModel.baseUrlProperty().get()).isEqualTo(models.openAiUrl());
        assertThat(viewModel.modelProperty().get()).isEqualTo("gpt-4.1");
        assertThat(viewModel.apiKeyProperty().get()).isEmpty();
        assertThat(viewModel.systemPromptProperty().get()).isEqualTo("Be brief.");
        assertThat(viewModel.portProperty().get()).isEqualTo("8085");

        assertThat(viewModel.apiKeyNoteProperty().get()).startsWith("from environment (OPENAI_API_KEY)");
        assertThat(viewModel.modelNoteProperty().get())
                .isEqualTo("from environment (OPENAI_MODEL) \u2014 a change here applies now;"
                        + " the environment wins again at the next start");
        assertThat(viewModel.baseUrlNoteProperty().get()).isEmpty();
        assertThat(viewModel.providerNoteProperty().get()).isEmpty();
        assertThat(viewModel.portNoteProperty().get()).isEmpty();
    }

    @Test
    void portFromTheFlagSaysSo() throws Exception {
        fixture = new SettingsFixture(folder, Map.of());
        SettingsViewModel viewModel = new SettingsViewModel(fixture.store("9001"), fixture.providers(),
                fixture.target(), SAME_THREAD, SAME_THREAD);

        assertThat(viewModel.portProperty().get()).isEqualTo("9001");
        assertThat(viewModel.portNoteProperty().get()).startsWith("from --port");
    }

    @Test
    void openFetchesTheModelsOfTheShownProviderWithItsKey() throws Exception {
        ModelServer models = new ModelServer(server);
        SettingsViewModel viewModel = open(Map.of("OPENAI_API_KEY", "sk-env-key"),
                Map.of(Setting.OPENAI_BASE_URL, models.openAiUrl()));

        assertThat(viewModel.models()).containsExactly("gpt-4o-mini", "gpt-4.1");
        assertThat(viewModel.modelsStatusProperty().get()).isEmpty();
        assertThat(viewModel.modelsLoadingProperty().get()).isFalse();
        assertThat(models.requests).singleElement().satisfies(request -> {
            assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/models");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-env-key");
        });
    }

    @Test
    void switchingProviderShowsItsValuesFetchesItsModelsAndKeepsEdits() throws Exception {
        ModelServer models = new ModelServer(server);
        SettingsViewModel viewModel = open(Map.of(), Map.of(Setting.LLM_PROVIDER, "openai",
                Setting.OPENAI_BASE_URL, models.openAiUrl(), Setting.OLLAMA_BASE_URL, models.ollamaUrl(),
                Setting.OLLAMA_API_KEY, "proxy-key"));
        viewModel.modelProperty().set("gpt-4.1");

        viewModel.providerProperty().set(Provider.OLLAMA);

        assertThat(viewModel.baseUrlProperty().get()).isEqualTo(models.ollamaUrl().replaceAll("/$", ""));
        assertThat(viewModel.modelProperty().get()).isEqualTo("llama3.2");
        assertThat(viewModel.apiKeyProperty().get()).isEqualTo("proxy-key");
        assertThat(viewModel.models()).containsExactly("llama3.2:latest", "qwen2.5:7b");
        assertThat(models.requests).last().satisfies(request -> {
            assertThat(request.getUrl().encodedPath()).isEqualTo("/api/tags");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer proxy-key");
        });

        viewModel.providerProperty().set(Provider.OPENAI);

        assertThat(viewModel.modelProperty().get()).isEqualTo("gpt-4.1");
        assertThat(viewModel.apiKeyProperty().get()).isEmpty();
    }

    @Test
    void unreachableServerShowsWhyAndNoModels() throws Exception {
        SettingsViewModel viewModel = open(Map.of(), Map.of());

        assertThat(viewModel.models()).isEmpty();
        assertThat(viewModel.modelsStatusProperty().get())
                .isEqualTo("cannot reach Ollama at " + nowhere + " \u2014 is `ollama serve` running?");
        assertThat(viewModel.modelsLoadingProperty().get()).isFalse();
    }

    @Test
    void serverErrorShowsTheProvidersMessage() throws Exception {
        new ModelServer(server);
        SettingsViewModel viewModel = open(Map.of(), Map.of(Setting.LLM_PROVIDER, "openai",
                Setting.OPENAI_BASE_URL, server.url("/wrong").toString()));

        assertThat(viewModel.models()).isEmpty();
        assertThat(viewModel.modelsStatusProperty().get()).startsWith("HTTP 404 from " + server.url("/wrong/models"));
    }

    @Test
    void invalidBaseUrlShowsTheLoadersMessageWithoutARequest() throws Exception {
        ModelServer models = new ModelServer(server);
        SettingsViewModel viewModel = open(Map.of(), Map.of(Setting.OLLAMA_BASE_URL, models.ollamaUrl()));
        int before = models.requests.size();

        viewModel.baseUrlProperty().set("localhost:11434");
        viewModel.connectionEdited();

        assertThat(viewModel.modelsStatusProperty().get())
                .isEqualTo("OLLAMA_BASE_URL must be an http:// or https:// URL, not 'localhost:11434'");
        assertThat(viewModel.models()).isEmpty();
        assertThat(models.requests).hasSize(before);
    }

    @Test
    void editingTheConnectionRefetchesOnlyWhenItChanged() throws Exception {
        ModelServer models = new ModelServer(server);
        SettingsViewModel viewModel = open(Map.of(), Map.of());

        viewModel.baseUrlProperty().set(models.ollamaUrl());
        viewModel.connectionEdited();
        viewModel.connectionEdited();

        assertThat(viewModel.models()).containsExactly("llama3.2:latest", "qwen2.5:7b");
        assertThat(models.requests).hasSize(1);
    }

    @Test
    void onlyTheLatestModelListIsShown() throws Exception {
        ModelServer models = new ModelServer(server);
        Queue<Runnable> pending = new ArrayDeque<>();
        SettingsViewModel viewModel = open(Map.of(), Map.of(Setting.LLM_PROVIDER, "openai",
                Setting.OPENAI_BASE_URL, models.openAiUrl(), Setting.OLLAMA_BASE_URL, models.ollamaUrl()),
                pending::add);
        viewModel.providerProperty().set(Provider.OLLAMA);
        assertThat(viewModel.modelsLoadingProperty().get()).isTrue();
        assertThat(pending).hasSize(2);

        Runnable openAiFetch = pending.remove();
        pending.remove().run();
        openAiFetch.run();

        assertThat(viewModel.models()).containsExactly("llama3.2:latest", "qwen2.5:7b");
        assertThat(viewModel.modelsLoadingProperty().get()).isFalse();
    }

    @Test
    void saveWritesOnlyTheChangesAndAppliesThem() throws Exception {
        ModelServer models = new ModelServer(server);
        SettingsViewModel viewModel = open(Map.of("OPENAI_API_KEY", "sk-env-key"),
                Map.of(Setting.OLLAMA_BASE_URL, models.ollamaUrl()));

        viewModel.providerProperty().set(Provider.OLLAMA);
        viewModel.modelProperty().set(" qwen2.5:7b ");
        viewModel.portProperty().set("9100");
        viewModel.save(closed::incrementAndGet);

        assertThat(closed).hasValue(1);
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(savedValues()).isEqualTo(Map.of(
                Setting.LLM_PROVIDER, "ollama",
                Setting.OLLAMA_BASE_URL, models.ollamaUrl(),
                Setting.OLLAMA_MODEL, "qwen2.5:7b",
                Setting.PARLEY_PORT, "9100"));
        assertThat(fixture.applied).singleElement().satisfies(config -> {
            assertThat(config.provider()).isEqualTo(Provider.OLLAMA);
            assertThat(config.model()).isEqualTo("qwen2.5:7b");
            assertThat(config.port()).isEqualTo(9100);
            assertThat(config.openAiApiKey()).isEqualTo("sk-env-key");
        });
        assertThat(Files.readString(fixture.file())).doesNotContain("sk-env-key");
    }

    @Test
    void keyFromTheEnvironmentIsWrittenOnlyWhenOneIsTyped() throws Exception {
        SettingsViewModel viewModel = open(Map.of("OPENAI_API_KEY", "sk-env-key"), Map.of());
        viewModel.portProperty().set("9100");
        viewModel.save(closed::incrementAndGet);
        assertThat(savedValues()).doesNotContainKey(Setting.OPENAI_API_KEY);

        viewModel.apiKeyProperty().set("sk-typed");
        viewModel.save(closed::incrementAndGet);

        assertThat(savedValues()).containsEntry(Setting.OPENAI_API_KEY, "sk-typed");
        assertThat(fixture.applied).last().satisfies(config -> assertThat(config.apiKey()).isEqualTo("sk-typed"));
        assertThat(viewModel.apiKeyProperty().get()).isEqualTo("sk-typed");
        assertThat(viewModel.apiKeyNoteProperty().get())
                .isEqualTo("saved here; OPENAI_API_KEY in the environment wins at the next start");
    }

    @Test
    void emptyingASavedKeyRemovesItFromTheFile() throws Exception {
        SettingsViewModel viewModel = open(Map.of(),
                Map.of(Setting.LLM_PROVIDER, "openai", Setting.OPENAI_API_KEY, "sk-file-key"));
        assertThat(viewModel.apiKeyProperty().get()).isEqualTo("sk-file-key");

        viewModel.apiKeyProperty().set("");
        viewModel.save(closed::incrementAndGet);

        assertThat(savedValues()).isEqualTo(Map.of(Setting.LLM_PROVIDER, "openai"));
        assertThat(Files.readString(fixture.file())).doesNotContain("sk-file-key");
        assertThat(fixture.applied).last().satisfies(config -> assertThat(config.apiKey()).isNull());
    }

    @Test
    void invalidValueShowsTheLoadersMessageAndSavesNothing() throws Exception {
        SettingsViewModel viewModel = open(Map.of(), Map.of());

        viewModel.modelProperty().set("qwen2.5:7b");
        viewModel.portProperty().set("70000");
        viewModel.save(closed::incrementAndGet);

        assertThat(viewModel.errorProperty().get()).isEqualTo("PARLEY_PORT must be a port number from 0 to 65535, not '70000'");
        assertThat(fixture.file()).doesNotExist();
        assertThat(fixture.applied).isEmpty();
        assertThat(closed).hasValue(0);
        assertThat(viewModel.savingProperty().get()).isFalse();
        assertThat(viewModel.modelProperty().get()).isEqualTo("qwen2.5:7b");
    }

    @Test
    void portInUseKeepsTheDialogOpenWithTheSettingsSaved() throws Exception {
        SettingsViewModel viewModel = open(Map.of(), Map.of());
        fixture.applyFailure = new BindException("port 9100 on 127.0.0.1 is in use or not available (Address already in use)");

        viewModel.portProperty().set("9100");
        viewModel.save(closed::incrementAndGet);

        assertThat(viewModel.errorProperty().get()).isEqualTo("Saved, but the server cannot listen there: port 9100 on"
                + " 127.0.0.1 is in use or not available (Address already in use) \u2014 choose another port");
        assertThat(closed).hasValue(0);
        assertThat(savedValues()).containsEntry(Setting.PARLEY_PORT, "9100");

        fixture.applyFailure = null;
        viewModel.portProperty().set("9101");
        viewModel.save(closed::incrementAndGet);

        assertThat(closed).hasValue(1);
        assertThat(fixture.applied).singleElement().satisfies(config -> assertThat(config.port()).isEqualTo(9101));
    }

    @Test
    void savingAnEnvironmentValueSaysTheEnvironmentWinsAtTheNextStart() throws Exception {
        SettingsViewModel viewModel = open(Map.of("OLLAMA_MODEL", "env-model"), Map.of());

        viewModel.modelProperty().set("chosen-model");
        viewModel.save(closed::incrementAndGet);
        viewModel.open();

        assertThat(viewModel.modelProperty().get()).isEqualTo("chosen-model");
        assertThat(viewModel.modelNoteProperty().get())
                .isEqualTo("saved here; OLLAMA_MODEL in the environment wins at the next start");
        assertThat(viewModel.baseUrlNoteProperty().get()).startsWith("from environment (OLLAMA_BASE_URL)");
    }

    @Test
    void openDiscardsUnsavedEdits() throws Exception {
        SettingsViewModel viewModel = open(Map.of(), Map.of());

        viewModel.providerProperty().set(Provider.OPENAI);
        viewModel.modelProperty().set("edited");
        viewModel.portProperty().set("1");
        viewModel.open();

        assertThat(viewModel.providerProperty().get()).isEqualTo(Provider.OLLAMA);
        assertThat(viewModel.modelProperty().get()).isEqualTo("llama3.2");
        assertThat(viewModel.portProperty().get()).isEqualTo("8085");
        viewModel.providerProperty().set(Provider.OPENAI);
        assertThat(viewModel.modelProperty().get()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void resetPutsTheDefaultPromptBackAndSavesIt() throws Exception {
        SettingsViewModel viewModel = open(Map.of(),
                Map.of(Setting.SYSTEM_PROMPT, "Talk like a pirate."));

        viewModel.resetSystemPrompt();
        viewModel.save(closed::incrementAndGet);

        assertThat(viewModel.systemPromptProperty().get()).isEqualTo(ConfigLoader.DEFAULT_SYSTEM_PROMPT);
        assertThat(fixture.applied).singleElement()
                .satisfies(config -> assertThat(config.systemPrompt()).isEqualTo(ConfigLoader.DEFAULT_SYSTEM_PROMPT));
    }

    @Test
    void savedSettingsSurviveARestart() throws Exception {
        SettingsViewModel viewModel = open(Map.of(), Map.of(Setting.OPENAI_BASE_URL, nowhere + "/v1"));
        viewModel.providerProperty().set(Provider.OPENAI);
        viewModel.baseUrlProperty().set("http://localhost:1234/v1");
        viewModel.apiKeyProperty().set("sk-typed");
        viewModel.systemPromptProperty().set("Be brief.");
        viewModel.save(closed::incrementAndGet);

        SettingsStore restarted = new SettingsStore(ConfigLoader.withSettingsFile(fixture.env, SettingsFixture.LINUX),
                null, null);
        SettingsViewModel reopened = new SettingsViewModel(restarted, fixture.providers(), fixture.target(),
                SAME_THREAD, SAME_THREAD);

        Config config = restarted.config();
        assertThat(config.provider()).isEqualTo(Provider.OPENAI);
        assertThat(reopened.providerProperty().get()).isEqualTo(Provider.OPENAI);
        assertThat(reopened.baseUrlProperty().get()).isEqualTo("http://localhost:1234/v1");
        assertThat(reopened.apiKeyProperty().get()).isEqualTo("sk-typed");
        assertThat(reopened.systemPromptProperty().get()).isEqualTo("Be brief.");
    }

    @Test
    void failedWriteSaysSoAndAppliesNothing() throws Exception {
        SettingsViewModel viewModel = open(Map.of(), Map.of());
        Files.createDirectories(fixture.file().resolve("in-the-way"));

        viewModel.portProperty().set("9100");
        viewModel.save(closed::incrementAndGet);

        assertThat(viewModel.errorProperty().get()).startsWith("could not save " + fixture.file() + ": ");
        assertThat(fixture.applied).isEmpty();
        assertThat(closed).hasValue(0);
        assertThat(viewModel.portProperty().get()).isEqualTo("9100");
    }

    @Test
    void applyFailureOtherThanThePortIsShown() throws Exception {
        SettingsViewModel viewModel = open(Map.of(), Map.of());
        fixture.applyFailure = new IOException("the data folder is gone");

        viewModel.save(closed::incrementAndGet);

        assertThat(viewModel.errorProperty().get()).isEqualTo("Saved, but not applied: the data folder is gone");
        assertThat(closed).hasValue(0);
    }
}
