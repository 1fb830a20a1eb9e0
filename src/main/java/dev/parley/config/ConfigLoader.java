package dev.parley.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link Config} from environment variables and command-line overrides. Every invalid
 * value fails fast with a one-line {@link ConfigException}.
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

    /**
     * @param env the environment, usually {@link System#getenv()}
     * @param systemProperties {@code user.home} and {@code os.name}, for the default data folder
     */
    public ConfigLoader(Map<String, String> env, Map<String, String> systemProperties) {
        this.env = env;
        this.systemProperties = systemProperties;
    }

    /** A loader over this process's environment. */
    public static ConfigLoader fromSystem() {
        return new ConfigLoader(System.getenv(), Map.of(
                "user.home", System.getProperty("user.home"),
                "os.name", System.getProperty("os.name")));
    }

    /**
     * @param hostFlag {@code --host}, or {@code null}
     * @param portFlag {@code --port}, or {@code null}
     */
    public Config load(String hostFlag, String portFlag) throws ConfigException {
        String apiKey = optional(Setting.OPENAI_API_KEY);
        Provider provider = optional(Setting.LLM_PROVIDER) != null
                ? Provider.parse(optional(Setting.LLM_PROVIDER))
                : apiKey != null ? Provider.OPENAI : Provider.OLLAMA;

        String host = hostFlag != null ? hostFlag : valueOr(Setting.PARLEY_HOST, "127.0.0.1");
        if (host.isBlank()) {
            throw new ConfigException("--host must not be empty");
        }
        int port = portFlag != null
                ? parsePort("--port", portFlag)
                : parsePort("PARLEY_PORT", valueOr(Setting.PARLEY_PORT, "8085"));

        int cores = Runtime.getRuntime().availableProcessors();
        String systemPrompt = env.get(Setting.SYSTEM_PROMPT.name());
        return new Config(
                provider,
                httpUrl(Setting.OPENAI_BASE_URL, DEFAULT_OPENAI_URL),
                apiKey,
                nonBlank(Setting.OPENAI_MODEL, DEFAULT_OPENAI_MODEL),
                httpUrl(Setting.OLLAMA_BASE_URL, DEFAULT_OLLAMA_URL),
                optional(Setting.OLLAMA_API_KEY),
                nonBlank(Setting.OLLAMA_MODEL, DEFAULT_OLLAMA_MODEL),
                systemPrompt == null || systemPrompt.isBlank() ? DEFAULT_SYSTEM_PROMPT : systemPrompt.strip(),
                path(Setting.PARLEY_DATA_DIR, defaultDataDir()),
                path(Setting.PARLEY_MODELS_DIR, Path.of("models")),
                logLevel(),
                host,
                port,
                seconds(Setting.PARLEY_CONNECT_TIMEOUT, 10),
                seconds(Setting.PARLEY_FIRST_TOKEN_TIMEOUT, 60),
                seconds(Setting.PARLEY_TOKEN_TIMEOUT, 60),
                integer(Setting.PARLEY_HISTORY_CHARS, 24_000, 500, 10_000_000),
                language(),
                list(Setting.PARLEY_VOICE),
                rate(),
                integer(Setting.PARLEY_ONNX_THREADS, Math.max(1, cores / 2), 1, 256),
                integer(Setting.PARLEY_TTS_THREADS, Math.max(2, cores), 1, 256),
                voicesUrl(),
                new LinkedHashSet<>(list(Setting.PARLEY_ALLOWED_ORIGINS)),
                integer(Setting.PARLEY_MAX_STREAMS, 64, 1, 10_000));
    }

    /** The per-user data folder of this OS: XDG on Linux, Application Support on macOS, APPDATA on Windows. */
    Path defaultDataDir() {
        String home = systemProperties.getOrDefault("user.home", ".");
        String os = systemProperties.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Parley") : Path.of(home, "AppData", "Roaming", "Parley");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Parley");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "parley") : Path.of(home, ".local", "share", "parley");
    }

    private String optional(Setting setting) {
        String value = env.get(setting.name());
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String valueOr(Setting setting, String fallback) {
        String value = optional(setting);
        return value == null ? fallback : value;
    }

    private String nonBlank(Setting setting, String fallback) {
        return valueOr(setting, fallback);
    }

    private static int parsePort(String name, String value) throws ConfigException {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new ConfigException(name + " must be a port number from 0 to 65535, not '" + value + "'");
    }

    private String httpUrl(Setting setting, String fallback) throws ConfigException {
        String value = valueOr(setting, fallback);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return value.replaceAll("/+$", "");
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new ConfigException(setting.name() + " must be an http:// or https:// URL, not '" + value + "'");
    }

    private String voicesUrl() throws ConfigException {
        return httpUrl(Setting.PARLEY_VOICES_URL, DEFAULT_VOICES_URL) + "/";
    }

    private Path path(Setting setting, Path fallback) throws ConfigException {
        String value = optional(setting);
        if (value == null) {
            return fallback;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException(setting.name() + " is not a valid path: '" + value + "'");
        }
    }

    private String logLevel() throws ConfigException {
        String value = valueOr(Setting.LOG_LEVEL, "info").toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(value)) {
            throw new ConfigException("LOG_LEVEL must be one of error, warn, info, debug, trace, not '" + value + "'");
        }
        return value;
    }

    private Duration seconds(Setting setting, int fallback) throws ConfigException {
        return Duration.ofSeconds(integer(setting, fallback, 1, 3600));
    }

    private int integer(Setting setting, int fallback, int min, int max) throws ConfigException {
        String value = optional(setting);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(setting.name() + " must be a whole number from " + min + " to " + max
                + ", not '" + value + "'");
    }

    private double rate() throws ConfigException {
        String value = optional(Setting.PARLEY_RATE);
        if (value == null) {
            return 1.0;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= 0.5 && parsed <= 2.0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("PARLEY_RATE must be a number from 0.5 to 2.0, not '" + value + "'");
    }

    private String language() throws ConfigException {
        String value = valueOr(Setting.PARLEY_LANGUAGE, "en_US");
        if (!LANGUAGE.matcher(value).matches()) {
            throw new ConfigException("PARLEY_LANGUAGE must look like en_US, en-US or en, not '" + value + "'");
        }
        return value;
    }

    private List<String> list(Setting setting) {
        String value = optional(setting);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
