package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.audio.Pcm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** End to end through real espeak-ng and real ONNX Runtime, with the decodable test voices. */
class PiperEngineTest {

    @TempDir
    static Path folder;

    static EspeakCommand espeak;
    static EspeakPhonemizer phonemizer;
    static VoiceLibrary library;
    static PiperEngine engine;

    @BeforeAll
    static void setUp() {
        TestVoices.install(TestVoices.SINGLE, folder, TestVoices.SINGLE);
        TestVoices.install(TestVoices.MULTI, folder, TestVoices.MULTI);
        TestVoices.install(TestVoices.TEXT, folder, TestVoices.TEXT);
        espeak = new EspeakCommand(EspeakCommand.DEFAULT_EXECUTABLE, EspeakCommand.DEFAULT_TIMEOUT);
        phonemizer = new EspeakPhonemizer(espeak);
        library = new VoiceLibrary(List.of(folder));
        engine = new PiperEngine(library, phonemizer, 1);
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    static Voice voice(String id) {
        return engine.voices().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    static PiperVoiceConfig config(String id) {
        return library.find(id).orElseThrow().config();
    }

    @Test
    void listsTheVoicesWithTheirConfig() {
        assertThat(engine.voices()).extracting(Voice::id, Voice::language, Voice::quality, Voice::sampleRate, Voice::available)
                .containsExactly(
                        tuple(TestVoices.TEXT, "de_DE", "low", 22050, true),
                        tuple(TestVoices.MULTI, "en_GB", "low", 16000, true),
                        tuple(TestVoices.SINGLE, "en_US", "x_low", 16000, true));
        assertThat(voice(TestVoices.MULTI).speakers()).containsExactly("alice", "bob", "carol");
        assertThat(voice(TestVoices.SINGLE).engine()).isEqualTo("piper");
    }

    @Test
    void feedsTheModelThePhonemeIdsOfTheText() throws TtsException {
        Pcm pcm = engine.synthesize("Hi.", voice(TestVoices.SINGLE), SpeechSettings.DEFAULT);

        // "Hi." → espeak-ng "hˈaɪ" + "." → ^ _ h _ ˈ _ a _ ɪ _ . _ $
        List<Integer> expected = List.of(1, 0, 20, 0, 120, 0, 14, 0, 74, 0, 10, 0, 2);
        assertThat(pcm.sampleRate()).isEqualTo(16000);
        assertThat(pcm.samples()).hasSize(expected.size() * TestVoiceAudio.SEGMENT);
        assertThat(TestVoiceAudio.decode(pcm.samples(), 0, expected.size(), TestVoiceAudio.SEGMENT)).isEqualTo(expected);
    }

    @Test
    void synthesizesEachSentenceSeparatelyWithItsOwnNormalisation() throws TtsException {
        String text = "Hi. Be, or not!";
        Pcm pcm = engine.synthesize(text, voice(TestVoices.SINGLE), SpeechSettings.DEFAULT);

        List<String> sentences = phonemizer.phonemize(text, "en-us");
        assertThat(sentences).hasSize(2);
        assertOneInferenceEach(pcm, sentences);
    }

    @Test
    void cutsSentencesOfMoreThan400PhonemesIntoSeveralInferences() throws TtsException {
        String text = "word ".repeat(300) + "end.";
        Pcm pcm = engine.synthesize(text, voice(TestVoices.SINGLE), SpeechSettings.DEFAULT);

        List<String> sentences = phonemizer.phonemize(text, "en-us");
        assertThat(sentences).hasSize(1);
        List<String> pieces = PiperEngine.inferences(sentences);
        assertThat(pieces).hasSizeGreaterThan(1)
                .allSatisfy(piece -> assertThat(piece.codePointCount(0, piece.length())).isLessThanOrEqualTo(400));
        assertThat(String.join(" ", pieces)).isEqualTo(sentences.get(0));
        assertOneInferenceEach(pcm, pieces);
    }

    /** The audio is one inference per piece of phonemes, each normalised on its own, with nothing between. */
    private static void assertOneInferenceEach(Pcm pcm, List<String> pieces) {
        int from = 0;
        for (String piece : pieces) {
            long[] ids = config(TestVoices.SINGLE).phonemeIds().encode(piece);
            assertThat(TestVoiceAudio.decode(pcm.samples(), from, ids.length, TestVoiceAudio.SEGMENT))
                    .isEqualTo(TestVoiceAudio.list(ids));
            int to = from + ids.length * TestVoiceAudio.SEGMENT;
            // Each piece reaches full scale on its own, although their loudest ids differ.
            assertThat(TestVoiceAudio.peak(pcm.samples(), from, to)).isGreaterThanOrEqualTo(32766);
            from = to;
        }
        assertThat(pcm.samples()).hasSize(from);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 64", "2.0, 32", "0.5, 128"})
    void rateScalesTheLengthScale(double rate, int segment) throws TtsException {
        Pcm pcm = engine.synthesize("Hi.", voice(TestVoices.SINGLE), new SpeechSettings(rate, null));

        assertThat(pcm.samples()).hasSize(13 * segment);
        assertThat(TestVoiceAudio.decode(pcm.samples(), 0, 13, segment)).startsWith(1, 0, 20);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null, 0", "alice, 0", "bob, 1", "carol, 2", "2, 2", "dave, 0", "7, 0"})
    void feedsTheSpeakerIdToMultiSpeakerVoices(String speaker, int sid) throws TtsException {
        Pcm pcm = engine.synthesize("Hi.", voice(TestVoices.MULTI), new SpeechSettings(1.0, speaker));

        long[] ids = config(TestVoices.MULTI).phonemeIds().encode(phonemizer.phonemize("Hi.", "en-gb").get(0));
        assertThat(pcm.samples()).hasSize((ids.length + sid) * TestVoiceAudio.SEGMENT);
        List<Integer> decoded = TestVoiceAudio.decode(pcm.samples(), 0, ids.length + sid, TestVoiceAudio.SEGMENT);
        assertThat(decoded.subList(0, ids.length)).isEqualTo(TestVoiceAudio.list(ids));
    }

    @Test
    void textVoicesUseTheCaseFoldedDecomposedText() throws TtsException {
        Pcm pcm = engine.synthesize("Zoë", voice(TestVoices.TEXT), SpeechSettings.DEFAULT);

        // z o e U+0308 with the text voice's alphabet: _ ^ $ space ! ' , - . : ; ? a..z (12..37) U+0308 (38)
        List<Integer> expected = List.of(1, 0, 37, 0, 26, 0, 16, 0, 38, 0, 2);
        assertThat(pcm.sampleRate()).isEqualTo(22050);
        assertThat(TestVoiceAudio.decode(pcm.samples(), 0, expected.size(), TestVoiceAudio.SEGMENT)).isEqualTo(expected);
        assertThat(pcm.samples()).hasSize(expected.size() * TestVoiceAudio.SEGMENT);
    }

    @Test
    void textVoicesFoldTheCase() throws TtsException {
        Pcm pcm = engine.synthesize("Straße", voice(TestVoices.TEXT), SpeechSettings.DEFAULT);

        // s t r a s s e: a..z are ids 12..37
        List<Integer> expected = List.of(1, 0, 30, 0, 31, 0, 29, 0, 12, 0, 30, 0, 30, 0, 16, 0, 2);
        assertThat(pcm.samples()).hasSize(expected.size() * TestVoiceAudio.SEGMENT);
        assertThat(TestVoiceAudio.decode(pcm.samples(), 0, expected.size(), TestVoiceAudio.SEGMENT)).isEqualTo(expected);
    }

    @Test
    void blankTextGivesNoAudio() throws TtsException {
        Pcm pcm = engine.synthesize("  ", voice(TestVoices.SINGLE), SpeechSettings.DEFAULT);

        assertThat(pcm.samples()).isEmpty();
        assertThat(pcm.sampleRate()).isEqualTo(16000);
    }

    @Test
    void threadsShareOneSession() throws Exception {
        List<String> texts = List.of("Hi.", "How are you?", "Fine, thanks.", "See you tomorrow!");
        List<short[]> expected = new ArrayList<>();
        for (String text : texts) {
            expected.add(engine.synthesize(text, voice(TestVoices.SINGLE), SpeechSettings.DEFAULT).samples());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<short[]>> results = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String text : texts) {
                    results.add(pool.submit(() -> engine.synthesize(text, voice(TestVoices.SINGLE), SpeechSettings.DEFAULT).samples()));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownVoiceFails() {
        Voice missing = new Voice("en_US-nobody-low", "en_US", "piper", "low", 16000, List.of(), true, null);

        assertThatThrownBy(() -> engine.synthesize("Hi.", missing, SpeechSettings.DEFAULT))
                .isInstanceOf(TtsException.class).hasMessageContaining("en_US-nobody-low");
    }

    @Test
    void aClosedEngineRefusesToSpeak(@TempDir Path other) {
        TestVoices.install(TestVoices.SINGLE, other, TestVoices.SINGLE);
        PiperEngine closing = new PiperEngine(new VoiceLibrary(List.of(other)), phonemizer, 1);
        Voice voice = closing.voices().get(0);

        closing.close();

        assertThatThrownBy(() -> closing.synthesize("Hi.", voice, SpeechSettings.DEFAULT))
                .isInstanceOf(TtsException.class).hasMessageContaining("closed");
    }

    @Test
    void espeakVoicesAreUnavailableWithoutEspeakButTextVoicesWork(@TempDir Path other) throws TtsException {
        TestVoices.install(TestVoices.SINGLE, other, TestVoices.SINGLE);
        TestVoices.install(TestVoices.TEXT, other, TestVoices.TEXT);
        EspeakCommand missing = new EspeakCommand(other.resolve("no-espeak-ng").toString(), EspeakCommand.DEFAULT_TIMEOUT);
        try (PiperEngine withoutEspeak = new PiperEngine(new VoiceLibrary(List.of(other)), new EspeakPhonemizer(missing), 1)) {
            List<Voice> voices = withoutEspeak.voices();

            Voice single = voices.stream().filter(v -> v.id().equals(TestVoices.SINGLE)).findFirst().orElseThrow();
            Voice text = voices.stream().filter(v -> v.id().equals(TestVoices.TEXT)).findFirst().orElseThrow();
            assertThat(single.available()).isFalse();
            assertThat(single.reason()).contains("espeak-ng");
            assertThat(text.available()).isTrue();
            assertThat(withoutEspeak.synthesize("ja", text, SpeechSettings.DEFAULT).samples()).isNotEmpty();
        }
    }
}
