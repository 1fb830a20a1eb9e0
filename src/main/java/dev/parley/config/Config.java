package dev.parley.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything Parley is configured with, read once at start by {@link ConfigLoader}. Immutable.
 *
 * @param provider where replies come from
 * @param openAiBaseUrl base of the OpenAI-compatible API, without trailing slash
 * @param openAiApiKey the key, or {@code null}; never logged or echoed
 * @param openAiModel model for the OpenAI-compatible server
 * @param ollamaBaseUrl base of the Ollama API, without trailing slash
 * @param ollamaApiKey key for an Ollama behind an authenticating proxy, or {@code null}; never logged
 * @param ollamaModel model for Ollama
 * @param systemPrompt first message of every request
 * @param dataDir where conversations (and downloaded voices under {@code models/}) live
 * @param modelsDir the voices folder scanned first
 * @param logLevel {@code error}, {@code warn}, {@code info}, {@code debug} or {@code trace}
 * @param host interface the embedded server listens on
 * @param port port of the embedded server; 0 picks a free one
 * @param connectTimeout LLM connect timeout
 * @param firstTokenTimeout longest wait for the first token of a reply
 * @param tokenTimeout longest wait between two tokens
 * @param turnTimeout longest a whole reply may take, retries included
 * @param llmRetries retries of a request the LLM server refuses as busy, before the first token
 * @param historyChars budget of earlier turns sent with each message, in characters
 * @param language default speech language when a request names none
 * @param defaultVoices preferred voice ids ({@code PARLEY_VOICE}), at most one per language
 * @param rate default speaking rate, 0.5 to 2.0
 * @param onnxThreads intra-op threads of each ONNX Runtime session
 * @param ttsThreads threads of the synthesis pool shared by all conversations
 * @param voicesUrl base URL of the Piper voice catalogue, with trailing slash
 * @param allowedOrigins browser origins allowed to open the WebSocket besides localhost ones
 * @param server the embedded server's access token and limits
 * @param espeakNg the espeak-ng program: a name looked up on PATH, or a path
 */
public record Config(
        Provider provider,
        String openAiBaseUrl,
        String openAiApiKey,
        String openAiModel,
        String ollamaBaseUrl,
        String ollamaApiKey,
        String ollamaModel,
        String systemPrompt,
        Path dataDir,
        Path modelsDir,
        String logLevel,
        String host,
        int port,
        Duration connectTimeout,
        Duration firstTokenTimeout,
        Duration tokenTimeout,
        Duration turnTimeout,
        int llmRetries,
        int historyChars,
        String language,
        List<String> defaultVoices,
        double rate,
        int onnxThreads,
        int ttsThreads,
        String voicesUrl,
        Set<String> allowedOrigins,
        ServerSettings server,
        String espeakNg) {

    public Config {
        defaultVoices = List.copyOf(defaultVoices);
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** The model of the active provider. */
    public String model() {
        return provider == Provider.OPENAI ? openAiModel : ollamaModel;
    }

    /** The base URL of the active provider. */
    public String baseUrl() {
        return provider == Provider.OPENAI ? openAiBaseUrl : ollamaBaseUrl;
    }

    /** The API key of the active provider, or {@code null}. */
    public String apiKey() {
        return provider == Provider.OPENAI ? openAiApiKey : ollamaApiKey;
    }

    /** The folders scanned for Piper voices: {@link #modelsDir} first, then the data folder's. */
    public List<Path> voiceDirs() {
        Path userModels = dataDir.resolve("models");
        return modelsDir.toAbsolutePath().normalize().equals(userModels.toAbsolutePath().normalize())
                ? List.of(modelsDir)
                : List.of(modelsDir, userModels);
    }

    public Config withPort(int value) {
        return new Config(provider, openAiBaseUrl, openAiApiKey, openAiModel, ollamaBaseUrl, ollamaApiKey, ollamaModel,
                systemPrompt, dataDir, modelsDir, logLevel, host, value, connectTimeout, firstTokenTimeout,
                tokenTimeout, turnTimeout, llmRetries, historyChars, language, defaultVoices, rate, onnxThreads,
                ttsThreads, voicesUrl, allowedOrigins, server, espeakNg);
    }

    @Override
    public String toString() {
        // The key must never reach a log line, even through a debug dump of the config.
        return "Config[provider=" + provider.id() + ", model=" + model() + ", baseUrl="
                + baseUrl().replaceFirst("//[^/@]*@", "//")
                + ", apiKey=" + (apiKey() == null ? "unset" : "set") + ", dataDir=" + dataDir
                + ", modelsDir=" + modelsDir + ", host=" + host + ", port=" + port + "]";
    }
}
