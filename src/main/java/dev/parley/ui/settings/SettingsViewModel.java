package dev.parley.ui.settings;

import dev.parley.config.Config;
import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import dev.parley.config.Provider;
import dev.parley.config.Setting;
import dev.parley.config.SettingSource;
import dev.parley.config.SettingsStore;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmProvider;
import java.io.IOException;
import java.net.BindException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings dialog's state and logic: provider, base URL, model (with the server's model
 * list), API key, system prompt and server port, edited as text and checked by the same
 * {@link ConfigLoader} rules as the environment.
 *
 * <p>Each provider keeps its own base URL, model and key; switching the provider shows the other
 * one's values and keeps the edits of both. Only values the person changed are written to the
 * settings file, so a value from the environment (an API key above all) is never copied into it.
 * A key from the environment is not shown: the field stays empty, the note says where the key
 * comes from, and typing a key replaces it.
 *
 * <p>Threads: call every method, and touch every property, on the UI thread (the one the
 * {@code ui} executor runs on). The model list and saving run on the {@code background}
 * executor; their results come back through {@code ui}.
 */
public final class SettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    /** The settings of one provider's connection. */
    private record Keys(Setting baseUrl, Setting model, Setting apiKey) {
        static Keys of(Provider provider) {
            return provider == Provider.OPENAI
                    ? new Keys(Setting.OPENAI_BASE_URL, Setting.OPENAI_MODEL, Setting.OPENAI_API_KEY)
                    : new Keys(Setting.OLLAMA_BASE_URL, Setting.OLLAMA_MODEL, Setting.OLLAMA_API_KEY);
        }
    }

    /** Base URL, model and key of one provider as text; the key is empty when it is not shown. */
    private record Connection(String baseUrl, String model, String apiKey) {
    }

    /** What a model list was fetched for, to skip fetching it again. */
    private record ModelSource(Provider provider, String baseUrl, String apiKey) {
    }

    /** How a save ended: whether the file was written, and what to show (null when all went well). */
    private record SaveOutcome(boolean saved, String problem) {
    }

    private final SettingsStore store;
    private final Function<Config, LlmProvider> providers;
    private final SettingsTarget target;
    private final Executor background;
    private final Executor ui;

    private final ObjectProperty<Provider> provider = new SimpleObjectProperty<>(this, "provider");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final StringProperty systemPrompt = new SimpleStringProperty(this, "systemPrompt", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper modelsStatus = new ReadOnlyStringWrapper(this, "modelsStatus", "");
    private final ReadOnlyBooleanWrapper modelsLoading = new ReadOnlyBooleanWrapper(this, "modelsLoading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper providerNote = new ReadOnlyStringWrapper(this, "providerNote", "");
    private final ReadOnlyStringWrapper baseUrlNote = new ReadOnlyStringWrapper(this, "baseUrlNote", "");
    private final ReadOnlyStringWrapper modelNote = new ReadOnlyStringWrapper(this, "modelNote", "");
    private final ReadOnlyStringWrapper apiKeyNote = new ReadOnlyStringWrapper(this, "apiKeyNote", "");
    private final ReadOnlyStringWrapper systemPromptNote = new ReadOnlyStringWrapper(this, "systemPromptNote", "");
    private final ReadOnlyStringWrapper portNote = new ReadOnlyStringWrapper(this, "portNote", "");

    private final Map<Provider, Connection> loaded = new EnumMap<>(Provider.class);
    private final Map<Provider, Connection> drafts = new EnumMap<>(Provider.class);
    private Provider loadedProvider;
    private String loadedPrompt;
    private String loadedPort;
    /** True while {@link #load} sets the provider, so the listener does not treat it as a switch. */
    private boolean filling;
    /** Numbers model-list requests, so only the latest one's answer is shown. */
    private int modelsRequest;
    private ModelSource lastModelSource;

    /**
     * Fills the fields from the store's current config; {@link #open} also fetches the model list.
     *
     * @param store the user's settings
     * @param providers builds a provider for a config, to list its models (the app's own factory)
     * @param target applies saved settings to the running app
     * @param background runs HTTP calls and file writes
     * @param ui runs results on the UI thread ({@code Platform::runLater} in the app)
     */
    public SettingsViewModel(SettingsStore store, Function<Config, LlmProvider> providers, SettingsTarget target,
            Executor background, Executor ui) {
        this.store = Objects.requireNonNull(store, "store");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.target = Objects.requireNonNull(target, "target");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        provider.addListener((observable, before, now) -> {
            if (!filling && before != null && now != null) {
                drafts.put(before, shownConnection());
                show(now);
                refreshModels();
            }
        });
        load();
    }

    /** Resets every field to the current settings, drops unsaved edits and fetches the model list. */
    public void open() {
        load();
        error.set("");
        refreshModels();
    }

    /**
     * Fetches the models of the shown provider, base URL and key. The list is emptied at once and
     * filled when they arrive; a failure ("cannot reach Ollama at ...") shows in
     * {@link #modelsStatusProperty}.
     */
    public void refreshModels() {
        int request = ++modelsRequest;
        // The old list belongs to another server or provider; none of it may be picked meanwhile.
        models.clear();
        Config draft;
        try {
            draft = store.check(connectionChanges());
        } catch (ConfigException e) {
            modelsLoading.set(false);
            modelsStatus.set(e.getMessage());
            lastModelSource = null;
            return;
        }
        lastModelSource = modelSource();
        modelsLoading.set(true);
        modelsStatus.set("Fetching models from " + draft.baseUrl() + "\u2026");
        background.execute(() -> {
            List<String> names = List.of();
            String failure = null;
            try {
                names = providers.apply(draft).listModels();
            } catch (LlmException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                LOG.warn("Listing the models of {} failed", draft.baseUrl(), e);
                failure = "cannot list the models: " + e.getMessage();
            }
            List<String> found = names;
            String problem = failure;
            ui.execute(() -> showModels(request, found, problem));
        });
    }

    /**
     * The base URL or the key was edited and left (Enter, focus moved on): fetches the model
     * list again when what it depends on changed.
     */
    public void connectionEdited() {
        if (!modelSource().equals(lastModelSource)) {
            refreshModels();
        }
    }

    /** Puts Parley's default system prompt in the field. */
    public void resetSystemPrompt() {
        systemPrompt.set(ConfigLoader.DEFAULT_SYSTEM_PROMPT);
    }

    /**
     * Checks the fields, writes the changed ones to the settings file and applies the result to
     * the app. Invalid values show in {@link #errorProperty} and nothing is saved. When saving
     * works but applying fails (the new port is taken), the settings stay saved and the message
     * shows too. {@code onSaved} runs on the UI thread once all went well.
     */
    public void save(Runnable onSaved) {
        if (saving.get()) {
            return;
        }
        Map<Setting, String> changes = changes();
        saving.set(true);
        error.set("");
        background.execute(() -> {
            SaveOutcome outcome = saveAndApply(changes);
            ui.execute(() -> finishSave(outcome, onSaved));
        });
    }

    private SaveOutcome saveAndApply(Map<Setting, String> changes) {
        Config next;
        try {
            next = store.save(changes);
        } catch (ConfigException e) {
            return new SaveOutcome(false, e.getMessage());
        } catch (IOException e) {
            return new SaveOutcome(false, "could not save " + store.file().path() + ": " + e.getMessage());
        }
        try {
            target.apply(next);
            return new SaveOutcome(true, null);
        } catch (BindException e) {
            return new SaveOutcome(true, "Saved, but the server cannot listen there: " + e.getMessage()
                    + " \u2014 choose another port");
        } catch (IOException e) {
            LOG.warn("Saved settings could not be applied: {}", e.getMessage());
            return new SaveOutcome(true, "Saved, but not applied: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Saved settings could not be applied", e);
            return new SaveOutcome(true, "Saved, but not applied: " + e);
        }
    }

    private void finishSave(SaveOutcome outcome, Runnable onSaved) {
        saving.set(false);
        if (outcome.saved()) {
            load();
        }
        if (outcome.problem() != null) {
            error.set(outcome.problem());
        } else {
            onSaved.run();
        }
    }

    private void showModels(int request, List<String> names, String failure) {
        if (request != modelsRequest) {
            return;
        }
        modelsLoading.set(false);
        if (failure != null) {
            modelsStatus.set(failure);
            lastModelSource = null;
            return;
        }
        models.setAll(names);
        modelsStatus.set(names.isEmpty() ? "The server lists no models; type a model name." : "");
    }

    private void load() {
        Config config = store.config();
        loaded.put(Provider.OPENAI, new Connection(config.openAiBaseUrl(), config.openAiModel(),
                shownKey(Setting.OPENAI_API_KEY, config.openAiApiKey())));
        loaded.put(Provider.OLLAMA, new Connection(config.ollamaBaseUrl(), config.ollamaModel(),
                shownKey(Setting.OLLAMA_API_KEY, config.ollamaApiKey())));
        drafts.putAll(loaded);
        loadedProvider = config.provider();
        loadedPrompt = config.systemPrompt();
        loadedPort = Integer.toString(config.port());
        filling = true;
        try {
            provider.set(loadedProvider);
            systemPrompt.set(loadedPrompt);
            port.set(loadedPort);
        } finally {
            filling = false;
        }
        show(loadedProvider);
        providerNote.set(note(Setting.LLM_PROVIDER));
        systemPromptNote.set(note(Setting.SYSTEM_PROMPT));
        portNote.set(note(Setting.PARLEY_PORT));
    }

    /** A key from the environment is not shown, so it can be neither read off the screen nor copied to the file. */
    private String shownKey(Setting setting, String key) {
        return key == null || store.source(setting) == SettingSource.ENVIRONMENT ? "" : key;
    }

    private void show(Provider shown) {
        Connection connection = drafts.get(shown);
        baseUrl.set(connection.baseUrl());
        model.set(connection.model());
        apiKey.set(connection.apiKey());
        Keys keys = Keys.of(shown);
        baseUrlNote.set(note(keys.baseUrl()));
        modelNote.set(note(keys.model()));
        apiKeyNote.set(note(keys.apiKey()));
    }

    private Connection shownConnection() {
        return new Connection(text(baseUrl), text(model), text(apiKey));
    }

    private ModelSource modelSource() {
        return new ModelSource(provider.get(), text(baseUrl).strip(), text(apiKey).strip());
    }

    /**
     * Every field that differs from what was loaded; an emptied field removes the setting from the
     * file. Records the shown provider's fields in its draft first.
     */
    private Map<Setting, String> changes() {
        drafts.put(provider.get(), shownConnection());
        Map<Setting, String> changes = new EnumMap<>(Setting.class);
        if (provider.get() != loadedProvider) {
            changes.put(Setting.LLM_PROVIDER, provider.get().id());
        }
        for (Provider each : Provider.values()) {
            Keys keys = Keys.of(each);
            Connection was = loaded.get(each);
            Connection now = drafts.get(each);
            changed(changes, keys.baseUrl(), was.baseUrl(), now.baseUrl());
            changed(changes, keys.model(), was.model(), now.model());
            changed(changes, keys.apiKey(), was.apiKey(), now.apiKey());
        }
        changed(changes, Setting.SYSTEM_PROMPT, loadedPrompt, text(systemPrompt));
        changed(changes, Setting.PARLEY_PORT, loadedPort, text(port));
        return changes;
    }

    /** The changes that decide which server the shown provider's models come from. */
    private Map<Setting, String> connectionChanges() {
        Keys keys = Keys.of(provider.get());
        Map<Setting, String> all = changes();
        Map<Setting, String> connection = new EnumMap<>(Setting.class);
        for (Setting setting : List.of(Setting.LLM_PROVIDER, keys.baseUrl(), keys.model(), keys.apiKey())) {
            if (all.containsKey(setting)) {
                connection.put(setting, all.get(setting));
            }
        }
        return connection;
    }

    private static void changed(Map<Setting, String> changes, Setting setting, String was, String now) {
        if (!now.strip().equals(was.strip())) {
            changes.put(setting, now.strip());
        }
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get();
    }

    /** Where a value comes from, when that is worth saying. */
    private String note(Setting setting) {
        SettingSource now = store.source(setting);
        SettingSource atStart = store.sourceAtNextStart(setting);
        String flag = setting == Setting.PARLEY_PORT ? "--port" : "--host";
        if (now == SettingSource.ENVIRONMENT) {
            return "from environment (" + setting.name() + ") \u2014 "
                    + (setting == Setting.OPENAI_API_KEY || setting == Setting.OLLAMA_API_KEY
                            ? "a key typed here is used instead" : "a change here applies now")
                    + "; the environment wins again at the next start";
        }
        if (now == SettingSource.FLAG) {
            return "from " + flag + " \u2014 a change here applies now; " + flag + " wins again at the next start";
        }
        if (now == SettingSource.FILE && atStart == SettingSource.ENVIRONMENT) {
            return "saved here; " + setting.name() + " in the environment wins at the next start";
        }
        if (now == SettingSource.FILE && atStart == SettingSource.FLAG) {
            return "saved here; " + flag + " wins at the next start";
        }
        return "";
    }

    /** The provider shown; changing it shows that provider's base URL, model and key and fetches its models. */
    public ObjectProperty<Provider> providerProperty() {
        return provider;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** The model name: typed freely or picked from {@link #models()}. */
    public StringProperty modelProperty() {
        return model;
    }

    /** The key typed for the shown provider; empty when there is none or it comes from the environment. */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringProperty systemPromptProperty() {
        return systemPrompt;
    }

    /** The server port as typed; checked on save. */
    public StringProperty portProperty() {
        return port;
    }

    /** The models the shown provider's server lists; empty until fetched or when fetching failed. */
    public ObservableList<String> models() {
        return models;
    }

    /** Empty, "Fetching models from ...", or why the list could not be fetched. */
    public ReadOnlyStringProperty modelsStatusProperty() {
        return modelsStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modelsLoadingProperty() {
        return modelsLoading.getReadOnlyProperty();
    }

    /** Why the last save failed, in one line; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True from {@link #save} until its outcome is shown. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Where the provider setting comes from, when that is worth saying; likewise the other notes. */
    public ReadOnlyStringProperty providerNoteProperty() {
        return providerNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseUrlNoteProperty() {
        return baseUrlNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelNoteProperty() {
        return modelNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty apiKeyNoteProperty() {
        return apiKeyNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty systemPromptNoteProperty() {
        return systemPromptNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portNoteProperty() {
        return portNote.getReadOnlyProperty();
    }
}
