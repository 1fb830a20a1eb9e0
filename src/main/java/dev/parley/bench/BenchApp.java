package dev.parley.bench;

import dev.parley.Parley;
import dev.parley.config.Config;
import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ServerSettings;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerOptions;
import dev.parley.server.Speech;
import dev.parley.server.SpeechResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The system under test: the scripted provider, a real {@link Parley} configured to use it with its
 * data in a temporary folder, and two real servers on free loopback ports, one speaking every
 * reply with espeak-ng and one streaming text only. Closing it stops all and deletes the folder.
 */
final class BenchApp implements AutoCloseable {

    /** The voice every spoken benchmark turn uses: always installed, so runs compare across machines. */
    static final String VOICE = "espeak-ng:en-us";

    private final Path dir;
    private final Map<String, String> env;
    private final Parley parley;
    private final ParleyServer speaking;
    private final ParleyServer textOnly;

    private BenchApp(Path dir, Map<String, String> env, Parley parley,
            ParleyServer speaking, ParleyServer textOnly) {
        this.dir = dir;
        this.env = env;
        this.parley = parley;
        this.speaking = speaking;
        this.textOnly = textOnly;
    }

    /**
     * @param user the user's settings: the espeak-ng program and thread counts are kept, the rest
     *     is the benchmark's own
     * @param maxClients the most clients that will stream at once
     */
    static BenchApp start(Config user, ScriptedOpenAi provider, int maxClients) throws IOException, ConfigException {
        Path dir = Files.createTempDirectory("parley-bench");
        Map<String, String> env = new HashMap<>();
        env.put("LLM_PROVIDER", "openai");
        env.put("OPENAI_API_KEY", "sk-bench");
        env.put("OPENAI_BASE_URL", provider.baseUrl());
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toString());
        env.put("PARLEY_CONFIG_DIR", dir.resolve("config").toString());
        env.put("PARLEY_MODELS_DIR", user.modelsDir().toString());
        env.put("PARLEY_ESPEAK_NG", user.espeakNg());
        env.put("PARLEY_TTS_THREADS", Integer.toString(user.ttsThreads()));
        env.put("PARLEY_ONNX_THREADS", Integer.toString(user.onnxThreads()));
        env.put("PARLEY_LANGUAGE", "en_US");
        env.put("PARLEY_PORT", "0");
        int streams = maxClients + 8;
        // Also sizes Parley's HTTP client, so that every stream's request to the provider runs at once.
        env.put("PARLEY_MAX_REPLIES", Integer.toString(streams));
        // Sockets of the turns just ended may still be closing when the next burst connects.
        env.put("PARLEY_MAX_CONNECTIONS", Integer.toString(2 * streams));
        env.put("LOG_LEVEL", user.logLevel());
        Config config = new ConfigLoader(env, Map.of("user.home", dir.toString(),
                "os.name", System.getProperty("os.name"))).load(null, null);
        Parley parley = Parley.create(config);
        ParleyServer speaking = null;
        try {
            speaking = server(parley, parley.speechResolver());
            ParleyServer textOnly = server(parley, (language, voice, rate) -> Speech.NONE);
            return new BenchApp(dir, Map.copyOf(env), parley, speaking, textOnly);
        } catch (IOException | RuntimeException e) {
            if (speaking != null) {
                speaking.stop();
            }
            parley.close();
            delete(dir);
            throw e;
        }
    }

    /**
     * The one place the benchmark's server options are made: on loopback, without a token, with the
     * limits of the benchmark's settings, which leave room for every client.
     */
    private static ParleyServer server(Parley parley, SpeechResolver speech) throws IOException {
        ServerSettings limits = parley.config().server();
        ParleyServer server = new ParleyServer(new ServerOptions("127.0.0.1", 0, Set.of(), null, limits.maxReplies(),
                limits.maxConnections(), limits.handshakeTimeout(), limits.sendQueueBytes(), limits.maxUrlBytes(),
                limits.maxMessageChars(), limits.maxFrameBytes(), "bench"), parley.chat(), speech, parley::health,
                parley::voices);
        server.start();
        return server;
    }

    /** The URL of a turn asking about the Moon, spoken with {@link #VOICE} or text only. */
    URI stream(boolean speech) {
        return stream(speech ? speaking.port() : textOnly.port());
    }

    /** The URL of that turn on a Parley listening on {@code port}. */
    static URI stream(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/chat/stream?message="
                + URLEncoder.encode("Tell me about the Moon.", StandardCharsets.UTF_8) + "&voice=" + VOICE);
    }

    /** The environment that makes another Parley (a child process) use the same provider and voices. */
    Map<String, String> env() {
        return env;
    }

    @Override
    public void close() {
        speaking.stop();
        textOnly.stop();
        parley.close();
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
