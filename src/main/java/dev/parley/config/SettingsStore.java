package dev.parley.config;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The user's settings as the running app sees them: the settings file, the {@link Config} built
 * from it and from everything that outranks it, and changes made while Parley runs.
 *
 * <p>A change saved here is written to the file and wins at once, over the environment and the
 * flags too, because the person just chose it. At the next start the usual order applies again
 * (flags, environment, file, defaults); {@link #sourceAtNextStart} tells which settings an
 * environment variable or a flag will then take back.
 *
 * <p>Thread-safe: every method is synchronised, and the blocking ones (file I/O) say so.
 */
public final class SettingsStore {

    private final ConfigLoader base;
    private final SettingsFile file;
    private final String hostFlag;
    private final String portFlag;
    private UserSettings saved;
    private Map<Setting, String> chosen = Map.of();
    private Config config;

    /**
     * Builds the current config from {@code loader}.
     *
     * @param loader a loader with a settings file ({@link ConfigLoader#withSettingsFile})
     * @param hostFlag {@code --host}, or {@code null}
     * @param portFlag {@code --port}, or {@code null}
     * @throws ConfigException when a value is invalid
     * @throws IllegalArgumentException when the loader has no settings file
     */
    public SettingsStore(ConfigLoader loader, String hostFlag, String portFlag) throws ConfigException {
        this.base = loader;
        this.file = loader.settingsFile()
                .orElseThrow(() -> new IllegalArgumentException("the loader has no settings file"));
        this.hostFlag = hostFlag;
        this.portFlag = portFlag;
        this.saved = loader.userSettings();
        this.config = loader.load(hostFlag, portFlag);
    }

    /** The config built at start or by the last {@link #save}. */
    public synchronized Config config() {
        return config;
    }

    /** The file's contents as last read or written. */
    public synchronized UserSettings saved() {
        return saved;
    }

    public SettingsFile file() {
        return file;
    }

    /** Where the current value of {@code setting} comes from. */
    public synchronized SettingSource source(Setting setting) {
        return loader(saved, chosen).source(setting, hostFlag, portFlag);
    }

    /** Where {@code setting} will come from when Parley starts again with the same flags and environment. */
    public synchronized SettingSource sourceAtNextStart(Setting setting) {
        return loader(saved, Map.of()).source(setting, hostFlag, portFlag);
    }

    /**
     * The config these changes would give, without saving anything.
     *
     * @param changes new values; a blank value removes the setting from the file
     * @throws ConfigException when a value is invalid; the message names the setting
     */
    public synchronized Config check(Map<Setting, String> changes) throws ConfigException {
        return loader(saved.with(changes), chosenAfter(changes)).load(hostFlag, portFlag);
    }

    /**
     * Checks {@code changes}, writes them to the file and makes them current. Nothing is written
     * when a value is invalid. Blocks on disk I/O.
     *
     * @param changes new values; a blank value removes the setting from the file
     * @return the new config, for the app to apply
     * @throws ConfigException when a value is invalid; nothing was written
     * @throws IOException when the file cannot be written; nothing changed
     */
    public synchronized Config save(Map<Setting, String> changes) throws ConfigException, IOException {
        UserSettings next = saved.with(changes);
        Map<Setting, String> nextChosen = chosenAfter(changes);
        Config nextConfig = loader(next, nextChosen).load(hostFlag, portFlag);
        file.write(next);
        saved = next;
        chosen = nextChosen;
        config = nextConfig;
        return nextConfig;
    }

    /** The window's preferences as last read or written. */
    public synchronized UiPreferences ui() {
        return saved.ui();
    }

    /**
     * Writes the window's preferences, keeping the settings. Blocks on disk I/O.
     *
     * @throws IOException when the file cannot be written; nothing changed
     */
    public synchronized void saveUi(UiPreferences ui) throws IOException {
        UserSettings next = saved.withUi(ui);
        file.write(next);
        saved = next;
    }

    private Map<Setting, String> chosenAfter(Map<Setting, String> changes) {
        Map<Setting, String> next = new EnumMap<>(Setting.class);
        next.putAll(chosen);
        changes.forEach((setting, value) -> {
            if (value == null || value.isBlank()) {
                next.remove(setting);
            } else {
                next.put(setting, value);
            }
        });
        return next;
    }

    private ConfigLoader loader(UserSettings contents, Map<Setting, String> chosenValues) {
        return base.withFile(file, new SettingsFile.Contents(contents, List.of())).choosing(chosenValues);
    }
}
