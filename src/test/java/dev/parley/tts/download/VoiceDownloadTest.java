package dev.parley.tts.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.CatalogueServer;
import dev.parley.testing.FakeVoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VoiceDownloadTest {

    private static final FakeVoice VOICE = FakeVoice.of("en_US", "test", "low", 300_000);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    private Path tmp;

    private final OkHttpClient client = new OkHttpClient();
    private CatalogueServer catalogue;
    private Path models;

    @BeforeEach
    void publish() {
        catalogue = new CatalogueServer(server);
        catalogue.publish(VOICE);
        models = tmp.resolve("models");
    }

    @AfterEach
    void release() {
        catalogue.releaseStalled();
    }

    @Test
    void installsBothFilesFlatUnderTheirKeyAndVerifiesThem() throws Exception {
        RecordingListener listener = new RecordingListener();

        downloader().newDownload(voice(), models, listener).run();

        assertThat(models.resolve("en_US-test-low.onnx")).hasBinaryContent(VOICE.model());
        assertThat(models.resolve("en_US-test-low.onnx.json")).hasBinaryContent(VOICE.config());
        assertThat(list(models)).containsExactlyInAnyOrder("en_US-test-low.onnx", "en_US-test-low.onnx.json");
        assertThat(new ModelsFolder(models).matchesCatalogue(voice())).isTrue();
        assertThat(catalogue.requestedPaths()).doesNotContain(VOICE.modelCardPath())
                .containsSubsequence(VOICE.modelPath(), VOICE.configPath());
    }

    @Test
    void tellsTheListenerAboutEachFileInOrder() throws Exception {
        RecordingListener listener = new RecordingListener();

        downloader().newDownload(voice(), models, listener).run();

        String model = "en_US-test-low.onnx";
        String config = "en_US-test-low.onnx.json";
        List<String> events = listener.events;
        assertThat(events.get(0)).isEqualTo("started " + model);
        assertThat(events).containsSubsequence(
                "started " + model, "progress " + model + " 300000/300000", "verified " + model,
                "started " + config, "progress " + config + " " + VOICE.config().length + "/" + VOICE.config().length,
                "verified " + config);
        assertThat(events.get(events.size() - 1)).isEqualTo("verified " + config);
        assertThat(listener.progressOf(model)).isSorted().last().isEqualTo(300_000L);
    }

    @Test
    void replacesStalePartialFilesLeftByAKilledDownload() throws Exception {
        Files.createDirectories(models);
        Files.write(models.resolve(".en_US-test-low.onnx.part"), new byte[] {1, 2, 3});

        downloader().newDownload(voice(), models, DownloadListener.NONE).run();

        assertThat(list(models)).containsExactlyInAnyOrder("en_US-test-low.onnx", "en_US-test-low.onnx.json");
        assertThat(models.resolve("en_US-test-low.onnx")).hasBinaryContent(VOICE.model());
    }

    @Test
    void replacesAnInstallationThatDiffersFromTheCatalogue() throws Exception {
        Files.createDirectories(models);
        Files.write(models.resolve("en_US-test-low.onnx"), new byte[] {1, 2, 3});
        Files.writeString(models.resolve("en_US-test-low.onnx.json"), "{}");

        downloader().newDownload(voice(), models, DownloadListener.NONE).run();

        assertThat(models.resolve("en_US-test-low.onnx")).hasBinaryContent(VOICE.model());
        assertThat(models.resolve("en_US-test-low.onnx.json")).hasBinaryContent(VOICE.config());
    }

    static Stream<Arguments> failures() {
        List<Arguments> cases = new ArrayList<>();
        for (String which : List.of("model", "config")) {
            cases.add(Arguments.of(which, "md5 mismatch",
                    (Function<byte[], MockResponse>) b -> bytes(flipLast(b))));
            cases.add(Arguments.of(which, "size mismatch: got 1 bytes, the catalogue says ",
                    (Function<byte[], MockResponse>) b -> bytes(Arrays.copyOf(b, 1))));
            cases.add(Arguments.of(which, "size mismatch: got more than the catalogue's",
                    (Function<byte[], MockResponse>) b -> bytes(Arrays.copyOf(b, b.length + 10))));
            cases.add(Arguments.of(which, "HTTP 404 at http://",
                    (Function<byte[], MockResponse>) b -> new MockResponse.Builder().code(404).build()));
            cases.add(Arguments.of(which, "HTTP 500 at http://",
                    (Function<byte[], MockResponse>) b -> new MockResponse.Builder().code(500).build()));
            cases.add(Arguments.of(which, "unexpected end of stream after ",
                    (Function<byte[], MockResponse>) b -> new MockResponse.Builder()
                            .body(new Buffer().write(b))
                            .onResponseBody(new SocketEffect.CloseSocket(true, true, true))
                            .build()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("failures")
    void aFailedFileLeavesNothingOfTheVoiceBehind(String which, String reason,
            Function<byte[], MockResponse> response) throws Exception {
        boolean model = which.equals("model");
        String path = model ? VOICE.modelPath() : VOICE.configPath();
        catalogue.respond(path, () -> response.apply(model ? VOICE.model() : VOICE.config()));
        VoiceDownload download = downloader().newDownload(voice(), models, DownloadListener.NONE);

        assertThatThrownBy(download::run)
                .isExactlyInstanceOf(DownloadException.class)
                .hasMessageStartingWith("download of " + path.substring(path.lastIndexOf('/') + 1) + " failed: ")
                .hasMessageContaining(reason);
        assertThat(list(models)).isEmpty();
    }

    @Test
    void namesTheUrlOfAMissingFile() throws Exception {
        catalogue.respond(VOICE.modelPath(), () -> new MockResponse.Builder().code(404).build());

        assertThatThrownBy(() -> downloader().newDownload(voice(), models, DownloadListener.NONE).run())
                .hasMessage("download of en_US-test-low.onnx failed: HTTP 404 at " + catalogue.url(VOICE.modelPath()));
    }

    @Test
    void aFailedReinstallKeepsThePreviousInstallation() throws Exception {
        Files.createDirectories(models);
        Files.write(models.resolve("en_US-test-low.onnx"), new byte[] {1, 2, 3});
        Files.writeString(models.resolve("en_US-test-low.onnx.json"), "{}");
        catalogue.respond(VOICE.configPath(), () -> new MockResponse.Builder().code(503).build());

        assertThatThrownBy(() -> downloader().newDownload(voice(), models, DownloadListener.NONE).run())
                .hasMessageContaining("HTTP 503");

        assertThat(list(models)).containsExactlyInAnyOrder("en_US-test-low.onnx", "en_US-test-low.onnx.json");
        assertThat(models.resolve("en_US-test-low.onnx")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void timesOutWithAClearMessage() throws Exception {
        catalogue.respond(VOICE.modelPath(), () -> catalogue.stalledHalfway(VOICE.model()));
        OkHttpClient impatient = client.newBuilder().readTimeout(200, TimeUnit.MILLISECONDS).build();
        VoiceDownload download = new VoiceDownloader(impatient, catalogue.baseUrl())
                .newDownload(voice(), models, DownloadListener.NONE);

        assertThatThrownBy(download::run)
                .isExactlyInstanceOf(DownloadException.class)
                .hasMessage("download of en_US-test-low.onnx failed: timed out at " + catalogue.url(VOICE.modelPath()));
        assertThat(list(models)).isEmpty();
    }

    @Test
    void cancelFromAnotherThreadStopsABlockedReadAndCleansUp() throws Exception {
        catalogue.respond(VOICE.modelPath(), () -> catalogue.stalledHalfway(VOICE.model()));
        CountDownLatch halfway = new CountDownLatch(1);
        DownloadListener listener = new DownloadListener() {
            @Override
            public void progress(CatalogueFile file, long bytesDone, long bytesTotal) {
                if (bytesDone == bytesTotal / 2) {
                    halfway.countDown();
                }
            }
        };
        VoiceDownload download = downloader().newDownload(voice(), models, listener);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                download.run();
            } catch (DownloadException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(models.resolve(".en_US-test-low.onnx.part")).exists();

        download.cancel();

        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().cause()
                .isExactlyInstanceOf(DownloadCancelledException.class)
                .hasMessage("download of voice en_US-test-low cancelled");
        assertThat(list(models)).isEmpty();
    }

    @Test
    void cancelFromTheListenerStopsBeforeTheNextWrite() throws Exception {
        VoiceDownload[] download = new VoiceDownload[1];
        List<Long> progress = new ArrayList<>();
        download[0] = downloader().newDownload(voice(), models, new DownloadListener() {
            @Override
            public void progress(CatalogueFile file, long bytesDone, long bytesTotal) {
                progress.add(bytesDone);
                download[0].cancel();
            }
        });

        assertThatThrownBy(download[0]::run).isExactlyInstanceOf(DownloadCancelledException.class);
        assertThat(progress).hasSize(1);
        assertThat(list(models)).isEmpty();
    }

    @Test
    void interruptingTheDownloadingThreadCancelsAndKeepsTheInterruptStatus() throws Exception {
        VoiceDownload download = downloader().newDownload(voice(), models, new DownloadListener() {
            @Override
            public void progress(CatalogueFile file, long bytesDone, long bytesTotal) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThatThrownBy(download::run).isExactlyInstanceOf(DownloadCancelledException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(list(models)).isEmpty();
    }

    @Test
    void cancelBeforeRunSendsNoRequest() throws Exception {
        CatalogueVoice voice = voice();
        int requestsBefore = server.getRequestCount();
        VoiceDownload download = downloader().newDownload(voice, models, DownloadListener.NONE);

        download.cancel();

        assertThatThrownBy(download::run).isExactlyInstanceOf(DownloadCancelledException.class);
        assertThat(server.getRequestCount()).isEqualTo(requestsBefore);
        assertThat(list(models)).isEmpty();
    }

    @Test
    void aListenerFailureAbortsAndCleansUp() throws Exception {
        VoiceDownload download = downloader().newDownload(voice(), models, new DownloadListener() {
            @Override
            public void fileVerified(CatalogueFile file) {
                throw new IllegalStateException("listener broke");
            }
        });

        assertThatThrownBy(download::run).isExactlyInstanceOf(IllegalStateException.class);
        assertThat(list(models)).isEmpty();
    }

    @Test
    void runsOnlyOnce() throws Exception {
        VoiceDownload download = downloader().newDownload(voice(), models, DownloadListener.NONE);
        download.run();

        assertThatThrownBy(download::run).isExactlyInstanceOf(IllegalStateException.class);
    }

    private VoiceDownloader downloader() {
        return new VoiceDownloader(client, catalogue.baseUrl());
    }

    private CatalogueVoice voice() throws CatalogueException {
        return new CatalogueClient(client, catalogue.baseUrl()).fetch().find(VOICE.key()).orElseThrow();
    }

    private static MockResponse bytes(byte[] body) {
        return new MockResponse.Builder().body(new Buffer().write(body)).build();
    }

    private static byte[] flipLast(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 0x01;
        return copy;
    }

    static List<String> list(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static final class RecordingListener implements DownloadListener {
        final List<String> events = new ArrayList<>();
        final List<String[]> progress = new ArrayList<>();

        @Override
        public void fileStarted(CatalogueFile file) {
            events.add("started " + file.fileName());
        }

        @Override
        public void progress(CatalogueFile file, long bytesDone, long bytesTotal) {
            events.add("progress " + file.fileName() + " " + bytesDone + "/" + bytesTotal);
            progress.add(new String[] {file.fileName(), Long.toString(bytesDone)});
        }

        @Override
        public void fileVerified(CatalogueFile file) {
            events.add("verified " + file.fileName());
        }

        List<Long> progressOf(String fileName) {
            return progress.stream().filter(p -> p[0].equals(fileName)).map(p -> Long.parseLong(p[1])).toList();
        }
    }
}
