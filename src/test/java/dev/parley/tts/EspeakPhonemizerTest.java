package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Against the real espeak-ng 1.51. */
class EspeakPhonemizerTest {

    static EspeakCommand espeak;
    static EspeakPhonemizer phonemizer;

    @BeforeAll
    static void setUp() {
        espeak = new EspeakCommand(EspeakCommand.DEFAULT_EXECUTABLE, EspeakCommand.DEFAULT_TIMEOUT);
        phonemizer = new EspeakPhonemizer(espeak);
    }

    static Stream<Arguments> sentences() {
        return Stream.of(
                Arguments.of("en-us", "Hello world, this is a test. How are you?",
                        List.of("həlˈoʊ wˈɜːld, ðɪs ɪz ɐ tˈɛst.", "hˈaʊ ɑːɹ juː?")),
                Arguments.of("en-us", "Colon: yes; semicolon!", List.of("kˈoʊlən: jˈɛs; sˌɛmɪkˈoʊlən!")),
                Arguments.of("en-us", "No punctuation at the end", List.of("nˈoʊ pˌʌŋktʃuːˈeɪʃən æt ðɪ ˈɛnd")),
                Arguments.of("en-us", "-v de hello", List.of("vˈiː də həlˈoʊ")),
                Arguments.of("en-us", "He said \"Stop.\" Then he left.", List.of("hiː sˈɛd stˈɑːp.", "ðˈɛn hiː lˈɛft.")),
                Arguments.of("en-us", "Wait — really?", List.of("wˈeɪt; ɹˈiəli?")),
                Arguments.of("en-us", "(Like this.) Next one.", List.of("lˈaɪk ðˈɪs.", "nˈɛkst wˌʌn.")),
                Arguments.of("en-us", "Tom said: \"go,\" then left.", List.of("tˈɑːm sˈɛd: ɡˈoʊ, ðˈɛn lˈɛft.")),
                Arguments.of("en-us", "First para\n\nsecond para", List.of("fˈɜːst pˈæɹə", "sˈɛkənd pˈæɹə")),
                Arguments.of("en-us", "Really?! Yes!", List.of("ɹˈiəli?", "jˈɛs!")),
                Arguments.of("en-us", "Wait... what", List.of("wˈeɪt wˈʌt")),
                Arguments.of("en-us", "One。two", List.of("wˈʌn", "tˈuː")),
                // [[ ]] would switch espeak-ng to phoneme input, U+0001 start an embedded command.
                Arguments.of("en-us", "the list [[1, 2], [3, 4]] is nested", List.of("ðə lˈɪst wˈʌn, tˈuː, θɹˈiː, fˈoːɹ ɪz nˈɛstᵻd")),
                Arguments.of("en-us", "x ]] y [[ z", List.of("ˈɛks wˈaɪ zˈiː")),
                Arguments.of("en-us", "hello \u0001Vde world", List.of("həlˈoʊ vˌiːdˌiːˈiː wˈɜːld")),
                // espeak-ng speaks "Jean" with its English voice and marks it (en)…(de): the markers go.
                Arguments.of("de", "Ich heiße Jean-Pierre.", List.of(nfd("ɪç hˈaɪsə dʒˈiːnpˈiːrə."))));
    }

    @ParameterizedTest
    @MethodSource("sentences")
    void phonemizesLikePiper(String voice, String text, List<String> expected) throws TtsException {
        assertThat(phonemizer.phonemize(text, voice)).isEqualTo(expected);
    }

    @Test
    void decomposesPhonemes() throws TtsException {
        String phonemes = phonemizer.phonemize("Ich.", "de").get(0);

        assertThat(phonemes).contains("c\u0327").doesNotContain("ç");
        assertThat(Normalizer.isNormalized(phonemes, Normalizer.Form.NFD)).isTrue();
    }

    @Test
    void oneProcessPerChunk() throws TtsException {
        long before = espeak.runCount();

        List<String> sentences = phonemizer.phonemize("One, two. Three? Four; five: six! Seven", "en-us");

        assertThat(sentences).hasSize(4);
        assertThat(espeak.runCount() - before).isEqualTo(1);
    }

    @Test
    void fallsBackToOneProcessPerClauseWhenEspeakSplitsDifferently() throws TtsException {
        long before = espeak.runCount();

        // espeak-ng ends a clause at the Ethiopic comma, which the splitter does not know.
        List<String> sentences = phonemizer.phonemize("One፣ two, three.", "en-us");

        assertThat(sentences).containsExactly("wˈʌn tˈuː, θɹˈiː.");
        assertThat(espeak.runCount() - before).isEqualTo(1 + 2);
    }

    @Test
    void longClausesLoseNoWordToEspeaksLineBuffer() throws TtsException {
        List<String> sentences = phonemizer.phonemize("word ".repeat(400) + "end.", "en-us");

        String phonemes = String.join(" ", sentences);
        assertThat(phonemes.split(" ")).filteredOn(word -> word.equals("wˈɜːd")).hasSize(400);
        assertThat(phonemes).endsWith("ˈɛnd.");
    }

    @Test
    void blankTextNeedsNoProcess() throws TtsException {
        long before = espeak.runCount();

        assertThat(phonemizer.phonemize(" \n ", "en-us")).isEmpty();
        assertThat(espeak.runCount()).isEqualTo(before);
    }

    @Test
    void anUnknownEspeakVoiceFails() {
        assertThatThrownBy(() -> phonemizer.phonemize("Hi.", "xx-nope"))
                .isInstanceOf(TtsException.class).hasMessageContaining("espeak-ng failed");
    }

    @Test
    void missingEspeakIsReportedNotThrownAtConstruction(@TempDir Path dir) {
        EspeakPhonemizer missing = new EspeakPhonemizer(new EspeakCommand(dir.resolve("espeak-ng").toString(),
                EspeakCommand.DEFAULT_TIMEOUT));

        assertThat(missing.unavailableReason()).get().asString().contains("apt-get install espeak-ng");
        assertThatThrownBy(() -> missing.phonemize("Hi.", "en-us")).isInstanceOf(TtsException.class);
    }

    static Stream<Arguments> clauses() {
        return Stream.of(
                Arguments.of(List.of("a, | COMMA", "b. | PERIOD"), List.of("A", "B"), List.of("A, B.")),
                Arguments.of(List.of("a? | QUESTION", "b! | EXCLAMATION", "c | SENTENCE"), List.of("A", "B", "C"),
                        List.of("A?", "B!", "C")),
                Arguments.of(List.of("a: | COLON", "b; | SEMICOLON", "c. | PERIOD"), List.of("A", "B", "C"), List.of("A: B; C.")),
                // Piper would run "A" into "B"; a space keeps the words apart.
                Arguments.of(List.of("a... | CLAUSE", "b | SENTENCE"), List.of("A", "B"), List.of("A B")),
                Arguments.of(List.of("a | SENTENCE", "b | SENTENCE"), List.of("A", "B"), List.of("A", "B")),
                Arguments.of(List.of("a. | PERIOD"), List.of(" (en)x(fr)y "), List.of("xy.")),
                Arguments.of(List.of("\" | SENTENCE"), List.of(""), List.of()),
                Arguments.of(List.of("a | CLAUSE", "\" | CLAUSE", "b | SENTENCE"), List.of("A", "", "B"), List.of("A B")));
    }

    @ParameterizedTest
    @MethodSource("clauses")
    void putsBackThePunctuationPiperPutsBack(List<String> clauses, List<String> phonemes, List<String> sentences) {
        List<ClauseSplitter.Clause> split = clauses.stream().map(clause -> clause.split(" \\| "))
                .map(parts -> new ClauseSplitter.Clause(parts[0], ClauseSplitter.Terminator.valueOf(parts[1]))).toList();

        assertThat(EspeakPhonemizer.assemble(split, phonemes)).isEqualTo(sentences);
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }
}
