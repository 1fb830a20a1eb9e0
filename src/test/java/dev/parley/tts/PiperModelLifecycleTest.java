package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtException.OrtErrorCode;
import dev.parley.audio.Pcm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voices replaced, deleted or failing while the engine runs, with real ONNX Runtime. A chunk is held
 * in the middle (its model in use) by an espeak-ng wrapper that waits while a file exists.
 */
class PiperModelLifecycleTest {

    static final String ID = "en_US-swap-low";
    /** "Hi." with the test voices: ^ _ h _ ˈ _ a _ ɪ _ . _ $ */
    static final List<Integer> HI = List.of(1, 0, 20, 0, 120, 0, 14, 0, 74, 0, 10, 0, 2);
    static final SpeechSettings BOB = new SpeechSettings(1.0, "bob");

    @TempDir
    Path dir;

    Path folder;
    Path hold;
    Path waiting;
    VoiceLibrary library;
    PiperEngine engine;
    ExecutorService pool = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() throws IOException {
        folder = dir.resolve("models");
        hold = dir.resolve("hold");
        waiting = dir.resolve("waiting");
        TestVoices.install(TestVoices.SINGLE, folder, ID);
        library = new VoiceLibrary(List.of(folder));
    }

    @AfterEach
    void tearDown() throws IOException {
        Files.deleteIfExists(hold);
        pool.shutdownNow();
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aChunkInProgressCompletesOnTheOldModelWhenTheVoiceIsReplaced() throws Exception {
        PiperModel old = start(heldPhonemizer());
        Voice voice = voice();

        Future<Pcm> chunk = holdChunk(voice);
        replaceWith(TestVoices.MULTI);
        assertThat(engine.voices()).singleElement().extracting(Voice::speakers).asList().containsExactly("alice", "bob", "carol");
        assertThat(old.loaded()).isTrue();
        Files.delete(hold);

        Pcm held = chunk.get(30, TimeUnit.SECONDS);
        assertThat(TestVoiceAudio.decode(held.samples(), 0, HI.size(), TestVoiceAudio.SEGMENT)).isEqualTo(HI);
        assertThat(held.samples()).hasSize(HI.size() * TestVoiceAudio.SEGMENT);
        assertThat(old.loaded()).isFalse();
        // The new model with its own config: bob is speaker 1, one more segment.
        assertThat(engine.synthesize("Hi.", voice, BOB).samples()).hasSize((HI.size() + 1) * TestVoiceAudio.SEGMENT);
        assertThat(engine.model(ID).orElseThrow()).isNotSameAs(old);
    }

    @Test
    void aDeletedVoiceHasItsSessionClosedAtTheNextScan() throws Exception {
        PiperModel model = start(phonemizer());
        Voice voice = voice();
        assertThat(model.loaded()).isTrue();

        Files.delete(folder.resolve(ID + ".onnx"));
        Files.delete(folder.resolve(ID + ".onnx.json"));

        assertThat(engine.voices()).isEmpty();
        assertThat(model.loaded()).isFalse();
        assertThat(engine.model(ID)).isEmpty();
        assertThatThrownBy(() -> engine.synthesize("Hi.", voice, SpeechSettings.DEFAULT))
                .isInstanceOf(TtsException.class).hasMessageContaining("no Piper voice " + ID);
    }

    @Test
    void filesReplacedSinceTheScanAreLoadedWithTheirOwnConfig() throws Exception {
        engine = new PiperEngine(library, phonemizer(), 1);
        Voice voice = voice();

        replaceWith(TestVoices.MULTI);
        Pcm pcm = engine.synthesize("Hi.", voice, BOB);

        assertThat(pcm.samples()).hasSize((HI.size() + 1) * TestVoiceAudio.SEGMENT);
        assertThat(engine.model(ID).orElseThrow().voice().config().numSpeakers()).isEqualTo(3);
    }

    @Test
    void closingTheEngineLetsTheRunningChunkFinish() throws Exception {
        PiperModel model = start(heldPhonemizer());
        Voice voice = voice();
        Future<Pcm> chunk = holdChunk(voice);

        engine.close();
        assertThat(model.loaded()).isTrue();
        Files.delete(hold);

        assertThat(chunk.get(30, TimeUnit.SECONDS).samples()).hasSize(HI.size() * TestVoiceAudio.SEGMENT);
        assertThat(model.loaded()).isFalse();
        assertThatThrownBy(() -> engine.synthesize("Hi.", voice, SpeechSettings.DEFAULT)).hasMessageContaining("closed");
    }

    @Test
    void aFailedLoadIsTriedAgainWithTheNextChunk() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        engine = new PiperEngine(library, phonemizer(), 1, (path, options) -> {
            if (opened.incrementAndGet() == 1) {
                throw new OrtException(OrtErrorCode.ORT_FAIL, "std::bad_alloc");
            }
            return OrtEnvironment.getEnvironment().createSession(path, options);
        });
        Voice voice = voice();

        assertThatThrownBy(() -> engine.synthesize("Hi.", voice, SpeechSettings.DEFAULT))
                .isInstanceOf(TtsException.class).hasMessageContaining("bad_alloc");
        assertThat(voice().available()).isTrue();

        assertThat(engine.synthesize("Hi.", voice, SpeechSettings.DEFAULT).samples()).hasSize(HI.size() * TestVoiceAudio.SEGMENT);
        assertThat(opened).hasValue(2);
    }

    @Test
    void aGraphOnnxRuntimeRejectsMakesTheVoiceUnavailableAndIsNotLoadedAgain() throws Exception {
        TestVoices.install(TestVoices.BAD_GRAPH, folder, "en_US-badgraph-low");
        AtomicInteger opened = new AtomicInteger();
        engine = new PiperEngine(library, phonemizer(), 1, (path, options) -> {
            opened.incrementAndGet();
            return OrtEnvironment.getEnvironment().createSession(path, options);
        });
        Voice bad = engine.voices().stream().filter(v -> v.id().equals("en_US-badgraph-low")).findFirst().orElseThrow();
        assertThat(bad.available()).isTrue();

        assertThatThrownBy(() -> engine.synthesize("Hi.", bad, SpeechSettings.DEFAULT))
                .isInstanceOf(TtsException.class).hasMessageContaining("ParleyUnknownOp");
        assertThatThrownBy(() -> engine.synthesize("Hi.", bad, SpeechSettings.DEFAULT)).hasMessageContaining("unusable");

        Voice after = engine.voices().stream().filter(v -> v.id().equals("en_US-badgraph-low")).findFirst().orElseThrow();
        assertThat(after.available()).isFalse();
        assertThat(after.reason()).contains("ONNX Runtime cannot load it").contains("ParleyUnknownOp");
        assertThat(opened).hasValue(1);
        assertThat(engine.synthesize("Hi.", voice(), SpeechSettings.DEFAULT).samples()).isNotEmpty();
    }

    /** Starts the engine and loads the test voice's model with a first chunk. */
    private PiperModel start(EspeakPhonemizer phonemizer) throws TtsException {
        engine = new PiperEngine(library, phonemizer, 1);
        engine.synthesize("Hi.", voice(), SpeechSettings.DEFAULT);
        return engine.model(ID).orElseThrow();
    }

    private Voice voice() {
        return engine.voices().stream().filter(v -> v.id().equals(ID)).findFirst().orElseThrow();
    }

    private void replaceWith(String source) throws IOException {
        Files.delete(folder.resolve(ID + ".onnx"));
        Files.delete(folder.resolve(ID + ".onnx.json"));
        TestVoices.install(source, folder, ID);
    }

    /** Starts "Hi." on another thread and returns once it is held in phonemization, its model in use. */
    private Future<Pcm> holdChunk(Voice voice) throws Exception {
        Files.createFile(hold);
        Future<Pcm> chunk = pool.submit(() -> engine.synthesize("Hi.", voice, SpeechSettings.DEFAULT));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(waiting)) {
            assertThat(System.nanoTime()).as("the chunk reached phonemization").isLessThan(deadline);
            assertThat(chunk).isNotDone();
            Thread.sleep(5);
        }
        return chunk;
    }

    private static EspeakPhonemizer phonemizer() {
        return new EspeakPhonemizer(new EspeakCommand(EspeakCommand.DEFAULT_EXECUTABLE, EspeakCommand.DEFAULT_TIMEOUT));
    }

    /** espeak-ng behind a script that, while {@link #hold} exists, creates {@link #waiting} and waits. */
    private EspeakPhonemizer heldPhonemizer() throws IOException {
        Path script = dir.resolve("espeak-ng-held");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ -e '" + hold + "' ]; then\n"
                + "  touch '" + waiting + "'\n"
                + "  while [ -e '" + hold + "' ]; do sleep 0.01; done\n"
                + "fi\n"
                + "exec espeak-ng \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new EspeakPhonemizer(new EspeakCommand(script.toString(), EspeakCommand.DEFAULT_TIMEOUT));
    }
}
