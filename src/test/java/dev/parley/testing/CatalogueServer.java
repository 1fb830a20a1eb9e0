package dev.parley.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Serves a catalogue in the rhasspy/piper-voices layout from a {@link MockWebServer}: a
 * {@code voices.json} in the real format describing each voice's files truthfully (sizes and MD5
 * computed here), and the files beneath the same base path. Anything not published answers 404.
 * Single files can be replaced to inject corruption, slowness or stalls.
 */
public final class CatalogueServer extends Dispatcher {

    public static final String BASE_PATH = "/rhasspy/piper-voices/resolve/v1.0.0/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MockWebServer server;
    private final Map<String, Supplier<MockResponse>> responses = new ConcurrentHashMap<>();
    private final List<String> requestedPaths = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseStalled = new CountDownLatch(1);

    public CatalogueServer(MockWebServer server) {
        this.server = server;
        server.setDispatcher(this);
    }

    public HttpUrl baseUrl() {
        return server.url(BASE_PATH);
    }

    public String catalogueUrl() {
        return baseUrl().resolve("voices.json").toString();
    }

    /** Publishes the voices and a catalogue of exactly them. */
    public void publish(FakeVoice... voices) {
        ObjectNode root = MAPPER.createObjectNode();
        for (FakeVoice voice : voices) {
            root.set(voice.key(), entry(voice));
            respond(voice.modelPath(), voice.model());
            respond(voice.configPath(), voice.config());
            respond(voice.modelCardPath(), "model card".getBytes());
        }
        respondCatalogue(root.toString());
    }

    /** Serves this text as {@code voices.json}. */
    public void respondCatalogue(String json) {
        respond("voices.json", () -> new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(json)
                .build());
    }

    /** A file's URL, relative to the base. */
    public HttpUrl url(String relativePath) {
        return baseUrl().resolve(relativePath);
    }

    public void respond(String relativePath, byte[] body) {
        respond(relativePath, () -> new MockResponse.Builder().body(new Buffer().write(body)).build());
    }

    public void respond(String relativePath, Supplier<MockResponse> response) {
        responses.put(BASE_PATH + relativePath, response);
    }

    /** Serves the voice's model with its last byte flipped: right size, wrong MD5. */
    public void corruptModel(FakeVoice voice) {
        byte[] corrupt = voice.model().clone();
        corrupt[corrupt.length - 1] ^= 0x01;
        respond(voice.modelPath(), corrupt);
    }

    /** Serves the voice's model at 1 kB per 100 ms: minutes for a test model. */
    public void slowModel(FakeVoice voice) {
        respond(voice.modelPath(), () -> new MockResponse.Builder()
                .body(new Buffer().write(voice.model()))
                .throttleBody(1024, 100, TimeUnit.MILLISECONDS)
                .build());
    }

    /** Serves the first half of the voice's model, then waits for {@link #releaseStalled()}. */
    public void stallModelHalfway(FakeVoice voice) {
        respond(voice.modelPath(), () -> stalledHalfway(voice.model()));
    }

    /** Sends the first half of the body, then nothing until {@link #releaseStalled()}. */
    public MockResponse stalledHalfway(byte[] body) {
        return new MockResponse.Builder().body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return body.length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(body, 0, body.length / 2);
                sink.flush();
                try {
                    releaseStalled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                sink.write(body, body.length / 2, body.length - body.length / 2);
            }
        }).build();
    }

    public void releaseStalled() {
        releaseStalled.countDown();
    }

    /** Paths relative to the base, in the order requested. */
    public List<String> requestedPaths() {
        return List.copyOf(requestedPaths);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        requestedPaths.add(path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path);
        Supplier<MockResponse> response = responses.get(path);
        return response != null ? response.get() : new MockResponse.Builder().code(404).body("Entry not found").build();
    }

    /** Every file name in a folder, hidden ones included; empty when the folder does not exist. */
    public static List<String> filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static ObjectNode entry(FakeVoice voice) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("key", voice.key());
        entry.put("name", voice.name());
        ObjectNode language = entry.putObject("language");
        language.put("code", voice.languageCode());
        language.put("family", voice.family());
        language.put("region", voice.region());
        language.put("name_native", voice.nameNative());
        language.put("name_english", voice.nameEnglish());
        language.put("country_english", voice.country());
        entry.put("quality", voice.quality());
        entry.put("num_speakers", voice.speakers());
        ObjectNode speakers = entry.putObject("speaker_id_map");
        if (voice.speakers() > 1) {
            for (int i = 0; i < voice.speakers(); i++) {
                speakers.put("speaker" + i, i);
            }
        }
        ObjectNode files = entry.putObject("files");
        file(files, voice.modelPath(), voice.model());
        file(files, voice.configPath(), voice.config());
        file(files, voice.modelCardPath(), "model card".getBytes());
        entry.putArray("aliases").add(voice.key().toLowerCase().replace('_', '-'));
        return entry;
    }

    private static void file(ObjectNode files, String path, byte[] bytes) {
        ObjectNode file = files.putObject(path);
        file.put("size_bytes", bytes.length);
        file.put("md5_digest", md5(bytes));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
