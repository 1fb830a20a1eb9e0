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

        // espeak-ng ends a clause at the CJK full stop, which the splitter does not know.
        List<String> sentences = phonemizer.phonemize("One。two, three.", "en-us");

        assertThat(sentences).containsExactly("wˈʌntˈuː, θɹˈiː.");
        assertThat(espeak.runCount() - before).isEqualTo(1 + 2);
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
                Arguments.of(List.of("a,", "b."), List.of("A", "B"), List.of("A, B.")),
                Arguments.of(List.of("a?", "b!", "c"), List.of("A", "B", "C"), List.of("A?", "B!", "C")),
                Arguments.of(List.of("a:", "b;", "c."), List.of("A", "B", "C"), List.of("A: B; C.")),
                Arguments.of(List.of("\"a,\"", "b"), List.of("A", "B"), List.of("AB")),
                Arguments.of(List.of("a."), List.of(" (en)x(fr)y "), List.of("xy.")),
                Arguments.of(List.of("..."), List.of(""), List.of(".")));
    }

    @ParameterizedTest
    @MethodSource("clauses")
    void putsBackTheClausePunctuation(List<String> clauses, List<String> phonemes, List<String> sentences) {
        List<ClauseSplitter.Clause> split = clauses.stream()
                .map(text -> new ClauseSplitter.Clause(text, text.codePointBefore(text.length()))).toList();

        assertThat(EspeakPhonemizer.assemble(split, phonemes)).isEqualTo(sentences);
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }
}
