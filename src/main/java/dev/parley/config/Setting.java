package dev.parley.config;

/**
 * The environment variables Parley reads, with their defaults as shown by {@code --help}. The
 * user's settings file uses the same names as keys. The README's configuration table lists the
 * same variables; {@code ConfigLoaderTest} keeps them in step.
 */
public enum Setting {
    LLM_PROVIDER("openai when OPENAI_API_KEY is set, else ollama", "openai | ollama"),
    OPENAI_API_KEY("unset", "API key for the OpenAI-compatible server (never logged)"),
    OPENAI_BASE_URL(ConfigLoader.DEFAULT_OPENAI_URL, "any OpenAI-compatible server: LM Studio, llama.cpp, vLLM, OpenRouter"),
    OPENAI_MODEL(ConfigLoader.DEFAULT_OPENAI_MODEL, "model for the OpenAI-compatible server"),
    OLLAMA_BASE_URL(ConfigLoader.DEFAULT_OLLAMA_URL, "where Ollama listens"),
    OLLAMA_API_KEY("unset", "key for an Ollama behind an authenticating proxy (never logged)"),
    OLLAMA_MODEL(ConfigLoader.DEFAULT_OLLAMA_MODEL, "model for Ollama (ollama pull it first)"),
    SYSTEM_PROMPT("a prompt asking for short, speakable replies", "first message of every conversation"),
    PARLEY_DATA_DIR("the OS user-data folder, e.g. ~/.local/share/parley", "conversations, downloaded voices"),
    PARLEY_CONFIG_DIR("the OS user-config folder, e.g. ~/.config/parley",
            "folder of settings.json, the settings saved by the window (environment only)"),
    PARLEY_MODELS_DIR("./models", "folder of Piper voices (NAME.onnx + NAME.onnx.json)"),
    PARLEY_PORT("8085", "port of the embedded WebSocket/HTTP server (0 = any free port)"),
    PARLEY_HOST("127.0.0.1", "interface of the embedded server; 0.0.0.0 exposes it to the network"),
    LOG_LEVEL("info", "error | warn | info | debug | trace"),
    PARLEY_CONNECT_TIMEOUT("10", "seconds to connect to the LLM server"),
    PARLEY_FIRST_TOKEN_TIMEOUT("60", "seconds to wait for the first token"),
    PARLEY_TOKEN_TIMEOUT("60", "seconds to wait between tokens"),
    PARLEY_TURN_TIMEOUT("600", "seconds a whole reply may take, retries included"),
    PARLEY_LLM_RETRIES("2", "retries, 0 to 10, of a request the LLM server refuses as busy (HTTP 429 or 503)"),
    PARLEY_HISTORY_CHARS("24000", "characters of earlier turns sent with each message (oldest dropped first)"),
    PARLEY_LANGUAGE("en_US", "speech language when a request names none"),
    PARLEY_VOICE("unset", "preferred voice ids, comma-separated, one per language (e.g. en_US-lessac-medium)"),
    PARLEY_RATE("1.0", "default speaking rate, 0.5 to 2.0"),
    PARLEY_ONNX_THREADS("half the cores, at least 1", "intra-op threads of each Piper voice session"),
    PARLEY_TTS_THREADS("the number of cores, at least 2", "synthesis threads shared by all conversations"),
    PARLEY_VOICES_URL(ConfigLoader.DEFAULT_VOICES_URL, "base URL of the Piper voice catalogue"),
    PARLEY_ALLOWED_ORIGINS("unset", "extra browser origins allowed to open the WebSocket, comma-separated"),
    PARLEY_ESPEAK_NG("espeak-ng", "the espeak-ng program, a name on PATH or a full path"),
    PARLEY_TOKEN("unset; generated at start when PARLEY_HOST is not loopback",
            "access token for the server, as ?token= or Authorization: Bearer (never logged)"),
    PARLEY_MAX_REPLIES("16", "replies streamed at once before new streams get error 503"),
    PARLEY_MAX_CONNECTIONS("256", "open server sockets, including those still sending their request"),
    PARLEY_HANDSHAKE_TIMEOUT("5", "seconds a socket may take to send its complete request, or to take the server's close"),
    PARLEY_SEND_QUEUE_KB("4096", "KiB queued for a client that does not read before its reply is cancelled"),
    PARLEY_MAX_URL_KB("16", "KiB of request target (path and query) before 414 URI Too Long"),
    PARLEY_MAX_MESSAGE_CHARS("8000", "characters of a stream's message before error 413"),
    PARLEY_MAX_FRAME_KB("64", "KiB of a frame a client sends before the server closes with 1009");

    private final String defaultText;
    private final String description;

    Setting(String defaultText, String description) {
        this.defaultText = defaultText;
        this.description = description;
    }

    /** The default as a person reads it. */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }
}
