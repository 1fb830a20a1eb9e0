package dev.parley.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Builds a {@link Config} from, highest precedence first: values chosen while Parley runs (the
 * settings dialog, see {@link #choosing}), command-line flags, environment variables, the user's
 * settings file, and defaults. Every invalid value fails fast with a one-line
 * {@link ConfigException} naming where it came from: the flag, the variable, or the variable "in"
 * the settings file. Immutable; the {@code with}/{@code choosing} methods return new loaders.
 */
public final class ConfigLoader {

    static final String DEFAULT_OPENAI_URL = "https://api.openai.com/v1";
    static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
    static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";
    static final String DEFAULT_OLLAMA_MODEL = "llama3.2";
    static final String DEFAULT_VOICES_URL = "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/";

    /** Asks for replies that sound right when spoken, since every reply is read aloud. */
    public static final String DEFAULT_SYSTEM_PROMPT = "You are Parley, a friendly voice assistant. Every reply "
            + "is read aloud by a text-to-speech voice, so answer in plain conversational sentences: no markdown, "
            + "tables, code blocks or emoji unless the user asks for them, spell out symbols, and keep answers "
            + "short unless the user wants detail.";

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,4})?");
    private static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace");

    private final Map<String, String> env;
    private final Map<String, String> systemProperties;
    private final SettingsFile settingsFile;
    private final SettingsFile.Contents fileContents;
    private final Map<Setting, String> chosen;

    /**
     * A loader without a settings file.
     *
     * @param env the environment, usually {@link System#getenv()}
     * @param systemProperties {@code user.home} and {@code os.name}, for the default folders
     */
    public ConfigLoader(Map<String, String> env, Map<String, String> systemProperties) {
        this(env, systemProperties, null, new SettingsFile.Contents(UserSettings.EMPTY, List.of()), Map.of());
    }

    private ConfigLoader(Map<String, String> env, Map<String, String> systemProperties, SettingsFile settingsFile,
            SettingsFile.Contents fileContents, Map<Setting, String> chosen) {
        this.env = env;
        this.systemProperties = systemProperties;
        this.settingsFile = settingsFile;
        this.fileContents = fileContents;
        this.chosen = chosen;
    }

    /**
     * A loader over {@code env} that reads the user's settings file now:
     * {@code PARLEY_CONFIG_DIR/settings.json}, or {@code settings.json} in the OS user-config folder
     * ({@link #defaultConfigDir}). A missing or malformed file contributes no values; its problems
     * are in {@link #settingsProblems()}, for the caller to log once logging is set up (the file
     * decides {@code LOG_LEVEL}, so it is read before logging starts).
     *
     * @throws ConfigException when {@code PARLEY_CONFIG_DIR} is not a valid path
     */
    public static ConfigLoader withSettingsFile(Map<String, String> env, Map<String, String> systemProperties)
            throws ConfigException {
        ConfigLoader environment = new ConfigLoader(env, systemProperties);
        SettingsFile file = new SettingsFile(environment.configDir().resolve(SettingsFile.FILE_NAME));
        return environment.withFile(file, file.read());
    }

    /** A loader over this process's environment and the user's settings file (read now). */
    public static ConfigLoader fromSystem() throws ConfigException {
        return withSettingsFile(System.getenv(), Map.of(
                "user.home", System.getProperty("user.home"),
                "os.name", System.getProperty("os.name")));
    }

    /** This loader with {@code file} as the settings file, whose values are {@code contents}. */
    ConfigLoader withFile(SettingsFile file, SettingsFile.Contents contents) {
        return new ConfigLoader(env, systemProperties, file, contents, chosen);
    }

    /**
     * This loader with {@code values} chosen while Parley runs: they outrank flags and the
     * environment, and messages name them by their setting alone. Blank values are ignored.
     *
     * @throws IllegalArgumentException for {@link Setting#PARLEY_CONFIG_DIR}
     */
    ConfigLoader choosing(Map<Setting, String> values) {
        Map<Setting, String> copy = new EnumMap<>(Setting.class);
        values.forEach((setting, value) -> {
            if (setting == Setting.PARLEY_CONFIG_DIR) {
                throw new IllegalArgumentException("PARLEY_CONFIG_DIR is read from the environment only");
            }
            if (value != null && !value.isBlank()) {
                copy.put(setting, value);
            }
        });
        return new ConfigLoader(env, systemProperties, settingsFile, fileContents, Map.copyOf(copy));
    }

    /** The settings file, if this loader has one. */
    public Optional<SettingsFile> settingsFile() {
        return Optional.ofNullable(settingsFile);
    }

    /** The settings file's values this loader uses. */
    public UserSettings userSettings() {
        return fileContents.settings();
    }

    /** What was wrong with the settings file when it was read, one line each; empty when nothing. */
    public List<String> settingsProblems() {
        return fileContents.problems();
    }

    /**
     * @param hostFlag {@code --host}, or {@code null}
     * @param portFlag {@code --port}, or {@code null}
     */
    public Config load(String hostFlag, String portFlag) throws ConfigException {
        Map<Setting, String> flags = flags(hostFlag, portFlag);
        Function<Setting, Raw> in = setting -> raw(setting, flags);

        Raw apiKey = in.apply(Setting.OPENAI_API_KEY);
        Raw providerValue = in.apply(Setting.LLM_PROVIDER);
        Provider provider = providerValue != null
                ? Provider.parse(providerValue.value(), providerValue.name())
                : apiKey != null ? Provider.OPENAI : Provider.OLLAMA;

        Raw hostValue = in.apply(Setting.PARLEY_HOST);
        String host = hostValue == null ? "127.0.0.1" : hostValue.value();
        if (host.isBlank()) {
            throw new ConfigException(hostValue.name() + " must not be empty");
        }
        Raw systemPrompt = in.apply(Setting.SYSTEM_PROMPT);

        int cores = Runtime.getRuntime().availableProcessors();
        return new Config(
                provider,
                httpUrl(in.apply(Setting.OPENAI_BASE_URL), DEFAULT_OPENAI_URL),
                apiKey == null ? null : apiKey.value(),
                text(in.apply(Setting.OPENAI_MODEL), DEFAULT_OPENAI_MODEL),
                httpUrl(in.apply(Setting.OLLAMA_BASE_URL), DEFAULT_OLLAMA_URL),
                text(in.apply(Setting.OLLAMA_API_KEY), null),
                text(in.apply(Setting.OLLAMA_MODEL), DEFAULT_OLLAMA_MODEL),
                text(systemPrompt, DEFAULT_SYSTEM_PROMPT),
                path(in.apply(Setting.PARLEY_DATA_DIR), defaultDataDir()),
                path(in.apply(Setting.PARLEY_MODELS_DIR), Path.of("models")),
                logLevel(in.apply(Setting.LOG_LEVEL)),
                host,
                port(in.apply(Setting.PARLEY_PORT)),
                seconds(in.apply(Setting.PARLEY_CONNECT_TIMEOUT), 10),
                seconds(in.apply(Setting.PARLEY_FIRST_TOKEN_TIMEOUT), 60),
                seconds(in.apply(Setting.PARLEY_TOKEN_TIMEOUT), 60),
                seconds(in.apply(Setting.PARLEY_TURN_TIMEOUT), 600),
                integer(in.apply(Setting.PARLEY_LLM_RETRIES), 2, 0, 10),
                integer(in.apply(Setting.PARLEY_HISTORY_CHARS), 24_000, 500, 10_000_000),
                language(in.apply(Setting.PARLEY_LANGUAGE)),
                list(in.apply(Setting.PARLEY_VOICE)),
                rate(in.apply(Setting.PARLEY_RATE)),
                integer(in.apply(Setting.PARLEY_ONNX_THREADS), Math.max(1, cores / 2), 1, 256),
                integer(in.apply(Setting.PARLEY_TTS_THREADS), Math.max(2, cores), 1, 256),
                httpUrl(in.apply(Setting.PARLEY_VOICES_URL), DEFAULT_VOICES_URL) + "/",
                new LinkedHashSet<>(list(in.apply(Setting.PARLEY_ALLOWED_ORIGINS))),
                server(in),
                text(in.apply(Setting.PARLEY_ESPEAK_NG), "espeak-ng"));
    }

    private static ServerSettings server(Function<Setting, Raw> in) throws ConfigException {
        ServerSettings defaults = ServerSettings.DEFAULTS;
        Raw token = in.apply(Setting.PARLEY_TOKEN);
        if (token != null && token.value().length() < 16) {
            throw new ConfigException(token.name() + " must be at least 16 characters long");
        }
        return new ServerSettings(
                text(token, null),
                integer(in.apply(Setting.PARLEY_MAX_REPLIES), defaults.maxReplies(), 1, 10_000),
                integer(in.apply(Setting.PARLEY_MAX_CONNECTIONS), defaults.maxConnections(), 2, 60_000),
                Duration.ofSeconds(integer(in.apply(Setting.PARLEY_HANDSHAKE_TIMEOUT),
                        (int) defaults.handshakeTimeout().toSeconds(), 1, 600)),
                1024 * integer(in.apply(Setting.PARLEY_SEND_QUEUE_KB), defaults.sendQueueBytes() / 1024, 64,
                        1024 * 1024),
                1024 * integer(in.apply(Setting.PARLEY_MAX_URL_KB), defaults.maxUrlBytes() / 1024, 1, 1024),
                integer(in.apply(Setting.PARLEY_MAX_MESSAGE_CHARS), defaults.maxMessageChars(), 1, 1_000_000),
                1024 * integer(in.apply(Setting.PARLEY_MAX_FRAME_KB), defaults.maxFrameBytes() / 1024, 1, 16 * 1024));
    }

    /**
     * Where {@link #load} with these flags takes {@code setting}'s value from. Values given to
     * {@link #choosing} are in the settings file, so they report {@link SettingSource#FILE}.
     */
    public SettingSource source(Setting setting, String hostFlag, String portFlag) {
        Raw value = raw(setting, flags(hostFlag, portFlag));
        return value == null ? SettingSource.DEFAULT : value.source();
    }

    /**
     * The folder of the settings file: {@code PARLEY_CONFIG_DIR} (environment only), else
     * {@link #defaultConfigDir}.
     *
     * @throws ConfigException when {@code PARLEY_CONFIG_DIR} is not a valid path
     */
    public Path configDir() throws ConfigException {
        String name = Setting.PARLEY_CONFIG_DIR.name();
        String value = env.get(name);
        return present(value) ? path(new Raw(value.strip(), SettingSource.ENVIRONMENT, name), null) : defaultConfigDir();
    }

    /**
     * Removes from {@code environment} every variable a loader reads: the settings and the
     * per-user folder variables. For starting a child Parley that must see only the settings its
     * parent gives it, not the user's (a user's {@code PARLEY_TOKEN} or {@code PARLEY_HOST} would
     * change what the child serves).
     */
    public static void forgetSettings(Map<String, String> environment) {
        for (Setting setting : Setting.values()) {
            environment.remove(setting.name());
        }
        environment.keySet().removeAll(List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "APPDATA"));
    }

    /** The per-user config folder of this OS: XDG on Linux, Application Support on macOS, APPDATA on Windows. */
    Path defaultConfigDir() {
        return userFolder("XDG_CONFIG_HOME", Path.of(".config", "parley"));
    }

    /** The per-user data folder of this OS: XDG on Linux, Application Support on macOS, APPDATA on Windows. */
    Path defaultDataDir() {
        return userFolder("XDG_DATA_HOME", Path.of(".local", "share", "parley"));
    }

    private Path userFolder(String xdgVariable, Path underHome) {
        String home = systemProperties.getOrDefault("user.home", ".");
        String os = systemProperties.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Parley") : Path.of(home, "AppData", "Roaming", "Parley");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Parley");
        }
        String xdg = env.get(xdgVariable);
        return present(xdg) ? Path.of(xdg, "parley") : Path.of(home).resolve(underHome);
    }

    /**
     * A value as found, stripped, with where it came from and how messages name it.
     */
    private record Raw(String value, SettingSource source, String name) {
    }

    private Raw raw(Setting setting, Map<Setting, String> flags) {
        String value = chosen.get(setting);
        if (value != null) {
            return new Raw(value.strip(), SettingSource.FILE, setting.name());
        }
        String flag = flags.get(setting);
        if (flag != null) {
            return new Raw(flag, SettingSource.FLAG, setting == Setting.PARLEY_PORT ? "--port" : "--host");
        }
        value = env.get(setting.name());
        if (present(value)) {
            return new Raw(value.strip(), SettingSource.ENVIRONMENT, setting.name());
        }
        value = fileContents.settings().values().get(setting);
        if (present(value)) {
            return new Raw(value.strip(), SettingSource.FILE, setting.name() + " in " + settingsFile.path());
        }
        return null;
    }

    private static Map<Setting, String> flags(String hostFlag, String portFlag) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        if (hostFlag != null) {
            flags.put(Setting.PARLEY_HOST, hostFlag);
        }
        if (portFlag != null) {
            flags.put(Setting.PARLEY_PORT, portFlag);
        }
        return flags;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String text(Raw value, String fallback) {
        return value == null ? fallback : value.value();
    }

    private static int port(Raw value) throws ConfigException {
        if (value == null) {
            return 8085;
        }
        try {
            int port = Integer.parseInt(value.value().strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new ConfigException(value.name() + " must be a port number from 0 to 65535, not '" + value.value() + "'");
    }

    /** The URL without trailing slashes. */
    private static String httpUrl(Raw value, String fallback) throws ConfigException {
        if (value == null) {
            return fallback.replaceAll("/+$", "");
        }
        try {
            URI uri = new URI(value.value());
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return value.value().replaceAll("/+$", "");
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new ConfigException(value.name() + " must be an http:// or https:// URL, not '" + value.value() + "'");
    }

    private static Path path(Raw value, Path fallback) throws ConfigException {
        if (value == null) {
            return fallback;
        }
        try {
            return Path.of(value.value());
        } catch (InvalidPathException e) {
            throw new ConfigException(value.name() + " is not a valid path: '" + value.value() + "'");
        }
    }

    private static String logLevel(Raw value) throws ConfigException {
        if (value == null) {
            return "info";
        }
        String level = value.value().toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new ConfigException(value.name() + " must be one of error, warn, info, debug, trace, not '"
                    + level + "'");
        }
        return level;
    }

    private static Duration seconds(Raw value, int fallback) throws ConfigException {
        return Duration.ofSeconds(integer(value, fallback, 1, 3600));
    }

    private static int integer(Raw value, int fallback, int min, int max) throws ConfigException {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.value());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(value.name() + " must be a whole number from " + min + " to " + max
                + ", not '" + value.value() + "'");
    }

    private static double rate(Raw value) throws ConfigException {
        if (value == null) {
            return 1.0;
        }
        try {
            double parsed = Double.parseDouble(value.value());
            if (parsed >= 0.5 && parsed <= 2.0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(value.name() + " must be a number from 0.5 to 2.0, not '" + value.value() + "'");
    }

    private static String language(Raw value) throws ConfigException {
        if (value == null) {
            return "en_US";
        }
        if (!LANGUAGE.matcher(value.value()).matches()) {
            throw new ConfigException(value.name() + " must look like en_US, en-US or en, not '" + value.value() + "'");
        }
        return value.value();
    }

    private static List<String> list(Raw value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.value().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
