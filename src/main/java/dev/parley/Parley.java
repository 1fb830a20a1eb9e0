package dev.parley;

import dev.parley.chat.ChatService;
import dev.parley.chat.ConversationStore;
import dev.parley.chat.HistoryWindow;
import dev.parley.concurrent.DaemonThreads;
import dev.parley.config.Config;
import dev.parley.config.Provider;
import dev.parley.config.ServerSettings;
import dev.parley.llm.LlmProvider;
import dev.parley.llm.LlmSettings;
import dev.parley.llm.LlmTimeouts;
import dev.parley.llm.OllamaProvider;
import dev.parley.llm.OpenAiProvider;
import dev.parley.server.AccessToken;
import dev.parley.server.Health;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerOptions;
import dev.parley.server.SpeechResolver;
import dev.parley.tts.EspeakCommand;
import dev.parley.tts.EspeakEngine;
import dev.parley.tts.EspeakPhonemizer;
import dev.parley.tts.PiperEngine;
import dev.parley.tts.Voice;
import dev.parley.tts.VoiceLibrary;
import dev.parley.tts.VoiceSelection;
import dev.parley.tts.VoiceSelector;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled application without a window: HTTP client, LLM provider, voices, the chat
 * pipeline and the embedded server. The headless mode runs just this; the window adds itself as
 * one more front end.
 *
 * <p>Owns every thread and native session it creates; {@link #close} releases them.
 */
public final class Parley implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Parley.class);

    private final OkHttpClient http;
    private final boolean ownsConnectionPool;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService synthesisPool;
    private final EspeakCommand espeak;
    private final EspeakEngine espeakEngine;
    private final PiperEngine piper;
    private final VoiceSelector selector;
    private final ConversationStore store;
    private final ChatService chat;
    private volatile Config config;
    private volatile LlmProvider provider;
    private volatile SpeechChoice speech;
    private volatile ParleyServer server;
    private String generatedToken;

    private Parley(Config config, OkHttpClient base, boolean ownsConnectionPool) throws IOException {
        this.config = config;
        // OkHttp allows 5 calls per host by default: every stream to one LLM server must run at once.
        // The limits go on a dispatcher of this app's own, so a client shared with others keeps its own.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(config.server().maxReplies() + 8);
        dispatcher.setMaxRequests(config.server().maxReplies() + 16);
        this.http = base.newBuilder().dispatcher(dispatcher).build();
        this.ownsConnectionPool = ownsConnectionPool;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("parley-llm-timer"));
        this.synthesisPool = Executors.newFixedThreadPool(config.ttsThreads(), DaemonThreads.named("parley-tts"));
        this.espeak = new EspeakCommand(config.espeakNg(), EspeakCommand.DEFAULT_TIMEOUT);
        espeak.unavailableReason().ifPresent(reason -> LOG.warn("No espeak-ng voice and no Piper phonemes: {}", reason));
        this.espeakEngine = new EspeakEngine(espeak);
        this.piper = new PiperEngine(new VoiceLibrary(config.voiceDirs()), new EspeakPhonemizer(espeak), config.onnxThreads());
        this.selector = new VoiceSelector(piper, espeakEngine, config.defaultVoices());
        this.store = new ConversationStore(config.dataDir().resolve("conversations"), Clock.systemUTC());
        this.provider = providerFor(config);
        this.speech = new SpeechChoice(selector, config.language(), config.rate());
        this.chat = new ChatService(() -> provider, () -> this.config.systemPrompt(), store,
                new HistoryWindow(config.historyChars()), synthesisPool);
    }

    /**
     * Builds everything but does not start the server.
     *
     * @throws IOException when the data folder cannot be created or read
     */
    public static Parley create(Config config) throws IOException {
        return new Parley(config, new OkHttpClient(), true);
    }

    /**
     * Builds everything on a given HTTP client's settings and connection pool, with a dispatcher
     * of its own whose limits fit {@code maxReplies}. The given client is left unchanged, and
     * {@link #close} leaves its connection pool and threads alone: they are the caller's.
     */
    public static Parley create(Config config, OkHttpClient http) throws IOException {
        return new Parley(config, http, false);
    }

    /** A provider for these settings, sharing this app's HTTP client and timer; for model lists. */
    public LlmProvider providerFor(Config c) {
        LlmTimeouts timeouts = new LlmTimeouts(c.connectTimeout(), c.firstTokenTimeout(), c.tokenTimeout(),
                c.turnTimeout());
        return c.provider() == Provider.OPENAI
                ? new OpenAiProvider(http, scheduler, new LlmSettings(c.openAiBaseUrl(), c.openAiApiKey(),
                        c.openAiModel(), timeouts, c.llmRetries()))
                : new OllamaProvider(http, scheduler, new LlmSettings(c.ollamaBaseUrl(), c.ollamaApiKey(),
                        c.ollamaModel(), timeouts, c.llmRetries()));
    }

    /**
     * Starts the embedded server on the configured host and port. A server already running keeps
     * running until the new one listens, so a taken port leaves it in place.
     *
     * @throws java.net.BindException when the port is in use
     */
    public synchronized ParleyServer startServer() throws IOException {
        ServerSettings settings = config.server();
        ParleyServer next = new ParleyServer(
                new ServerOptions(config.host(), config.port(), config.allowedOrigins(), token(), settings.maxReplies(),
                        settings.maxConnections(), settings.handshakeTimeout(), settings.sendQueueBytes(),
                        settings.maxUrlBytes(), settings.maxMessageChars(), settings.maxFrameBytes(), Version.get()),
                chat, speechResolver(), this::health, this::voices);
        next.start();
        if (server != null) {
            server.stop();
        }
        server = next;
        return next;
    }

    /** Chooses each stream's voice with the settings current when the stream starts. */
    public SpeechResolver speechResolver() {
        return (language, voice, rate) -> speech.resolve(language, voice, rate);
    }

    /**
     * The configured token; else, when the server listens beyond loopback, one generated the first
     * time it is needed and kept for this run. Never logged: headless, {@code Main} prints it once to
     * standard output; the window offers it through {@link ParleyServer#accessToken()}.
     */
    private String token() {
        String configured = config.server().token();
        if (configured != null || ServerOptions.isLoopback(config.host())) {
            return configured;
        }
        if (generatedToken == null) {
            generatedToken = AccessToken.generate();
        }
        return generatedToken;
    }

    /** The token this run generated because none was configured, if the server needed one. */
    public synchronized Optional<String> generatedToken() {
        return Optional.ofNullable(generatedToken);
    }

    /** The running server, or {@code null}. */
    public ParleyServer server() {
        return server;
    }

    /**
     * Applies new settings to the next turns: provider, model, key, system prompt. The server's
     * port is changed separately with {@link #startServer} after updating the config.
     */
    public void reconfigure(Config next) {
        this.provider = providerFor(next);
        this.speech = new SpeechChoice(selector, next.language(), next.rate());
        this.config = next;
        LOG.info("Now using {} ({}) at {}", next.provider().id(), next.model(), provider.baseUrl());
    }

    public Config config() {
        return config;
    }

    public LlmProvider provider() {
        return provider;
    }

    public ChatService chat() {
        return chat;
    }

    public ConversationStore conversations() {
        return store;
    }

    public VoiceSelector voiceSelector() {
        return selector;
    }

    /** The client this app's calls go through: its own dispatcher, perhaps a shared connection pool. */
    public OkHttpClient http() {
        return http;
    }

    /** Every voice: Piper voices (including broken ones) first, then espeak-ng's. */
    public List<Voice> voices() {
        List<Voice> all = new ArrayList<>(piper.voices());
        all.addAll(espeakEngine.voices());
        return all;
    }

    /** What {@code GET /health} reports. */
    public Health health() {
        VoiceSelection.Chosen chosen = speech.defaultChoice();
        int available = (int) voices().stream().filter(Voice::available).count();
        return new Health(config.provider().id(), config.model(), provider.baseUrl(),
                chosen == null ? "none" : chosen.engine().name(),
                espeak.unavailableReason().orElse(null), available, config.language(),
                chosen == null ? null : chosen.voice().id(), config.rate());
    }

    @Override
    public void close() {
        ParleyServer running = server;
        if (running != null) {
            running.stop();
        }
        synthesisPool.shutdownNow();
        scheduler.shutdownNow();
        // Interrupting a thread does not wake a blocked socket read: cancelling the calls does, and
        // frees their connections in a pool shared with the caller.
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdownNow();
        if (ownsConnectionPool) {
            http.connectionPool().evictAll();
        }
        try {
            // A voice's native session must not be freed while a synthesis still runs on it.
            synthesisPool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        piper.close();
    }

}
