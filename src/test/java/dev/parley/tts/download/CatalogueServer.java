package dev.parley.tts.download;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * Serves a catalogue in the rhasspy/piper-voices layout from a {@link MockWebServer}: a
 * {@code voices.json} and each voice's files beneath a base path. Anything not published answers
 * 404. Individual files can be replaced by any response to inject failures.
 */
final class CatalogueServer extends Dispatcher {

    static final String BASE_PATH = "/rhasspy/piper-voices/resolve/v1.0.0/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MockWebServer server;
    private final Map<String, Supplier<MockResponse>> responses = new ConcurrentHashMap<>();
    private final List<String> requestedPaths = new CopyOnWriteArrayList<>();

    CatalogueServer(MockWebServer server) {
        this.server = server;
        server.setDispatcher(this);
    }

    HttpUrl baseUrl() {
        return server.url(BASE_PATH);
    }

    HttpUrl url(String relativePath) {
        return baseUrl().resolve(relativePath);
    }

    /** Publishes the voices with a catalogue that describes their files truthfully. */
    void publish(FakeVoice... voices) {
        ObjectNode root = MAPPER.createObjectNode();
        for (FakeVoice voice : voices) {
            root.set(voice.key(), entry(voice));
            respond(voice.modelPath(), voice.model());
            respond(voice.configPath(), voice.config());
            respond(voice.modelCardPath(), "model card".getBytes());
        }
        respondCatalogue(root.toString());
    }

    void respondCatalogue(String json) {
        respond(CatalogueClient.CATALOGUE_FILE, () -> new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(json)
                .build());
    }

    void respond(String relativePath, byte[] body) {
        respond(relativePath, () -> new MockResponse.Builder().body(new Buffer().write(body)).build());
    }

    void respond(String relativePath, Supplier<MockResponse> response) {
        responses.put(BASE_PATH + relativePath, response);
    }

    /** Paths relative to the base, in the order they were requested. */
    List<String> requestedPaths() {
        return List.copyOf(requestedPaths);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        requestedPaths.add(path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path);
        Supplier<MockResponse> response = responses.get(path);
        return response != null ? response.get() : new MockResponse.Builder().code(404).body("Entry not found").build();
    }

    static ObjectNode entry(FakeVoice voice) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("key", voice.key());
        entry.put("name", voice.name());
        ObjectNode language = entry.putObject("language");
        language.put("code", voice.languageCode());
        language.put("family", voice.family());
        language.put("region", voice.languageCode().split("_", 2)[1]);
        language.put("name_native", "Native");
        language.put("name_english", "English name");
        language.put("country_english", "Country");
        entry.put("quality", voice.quality());
        entry.put("num_speakers", 1);
        entry.putObject("speaker_id_map");
        ObjectNode files = entry.putObject("files");
        file(files, voice.modelPath(), voice.model());
        file(files, voice.configPath(), voice.config());
        file(files, voice.modelCardPath(), "model card".getBytes());
        entry.putArray("aliases").add(voice.key().toLowerCase().replace('_', '-'));
        return entry;
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void file(ObjectNode files, String path, byte[] bytes) {
        ObjectNode file = files.putObject(path);
        file.put("size_bytes", bytes.length);
        file.put("md5_digest", md5(bytes));
    }
}
