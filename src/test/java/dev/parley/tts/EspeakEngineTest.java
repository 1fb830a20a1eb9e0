package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.audio.Pcm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the real espeak-ng. */
class EspeakEngineTest {

    static EspeakEngine engine;

    @BeforeAll
    static void setUp() {
        engine = new EspeakEngine(new EspeakCommand(EspeakCommand.DEFAULT_EXECUTABLE, EspeakCommand.DEFAULT_TIMEOUT));
    }

    static Voice voice(String language) throws UnknownLanguageException {
        return engine.voiceFor(language).orElseThrow();
    }

    @Test
    void speaks22050HzAudio() throws Exception {
        Pcm pcm = engine.synthesize("Hello there, how are you?", voice("en_US"), SpeechSettings.DEFAULT);

        assertThat(pcm.sampleRate()).isEqualTo(22050);
        assertThat(pcm.durationMillis()).isBetween(500L, 5000L);
        assertThat(TestVoiceAudio.peak(pcm.samples(), 0, pcm.samples().length)).isGreaterThan(3000);
    }

    @Test
    void theRateChangesTheLength() throws Exception {
        String text = "The quick brown fox jumps over the lazy dog.";
        int normal = engine.synthesize(text, voice("en_US"), SpeechSettings.DEFAULT).samples().length;
        int fast = engine.synthesize(text, voice("en_US"), new SpeechSettings(2.0, null)).samples().length;
        int slow = engine.synthesize(text, voice("en_US"), new SpeechSettings(0.5, null)).samples().length;

        assertThat(fast).isLessThan(normal * 3 / 4);
        assertThat(slow).isGreaterThan(normal * 3 / 2);
    }

    @Test
    void textThatLooksLikeOptionsIsSpokenAsText() throws Exception {
        Pcm pcm = engine.synthesize("-w /tmp/owned.wav --voices; $(rm -rf /)", voice("en_US"), SpeechSettings.DEFAULT);

        assertThat(pcm.samples().length).isGreaterThan(22050);
        assertThat(Path.of("/tmp/owned.wav")).doesNotExist();
    }

    @Test
    void squareBracketsAreSpokenAsTextNotAsPhonemes() throws Exception {
        Pcm brackets = engine.synthesize("the list [[one, two], [three]] is nested", voice("en_US"), SpeechSettings.DEFAULT);
        Pcm parentheses = engine.synthesize("the list ((one, two), (three)) is nested", voice("en_US"), SpeechSettings.DEFAULT);

        assertThat(brackets.samples()).isEqualTo(parentheses.samples());
    }

    @Test
    void blankTextIsSilence() throws Exception {
        assertThat(engine.synthesize(" ", voice("en_US"), SpeechSettings.DEFAULT).samples()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "en_US, espeak-ng:en-us, en_US",
        "en-US, espeak-ng:en-us, en_US",
        "en_GB, espeak-ng:en-gb, en_GB",
        "de_DE, espeak-ng:de, de",
        "fr_FR, espeak-ng:fr-fr, fr_FR",
        "es_ES, espeak-ng:es, es",
        "pt_BR, espeak-ng:pt-br, pt_BR",
        "en, espeak-ng:en-gb, en_GB",
    })
    void mapsLanguagesToVoices(String language, String id, String voiceLanguage) throws Exception {
        Voice voice = voice(language);

        assertThat(voice.id()).isEqualTo(id);
        assertThat(voice.language()).isEqualTo(voiceLanguage);
        assertThat(voice.engine()).isEqualTo("espeak-ng");
        assertThat(voice.available()).isTrue();
        assertThat(engine.voices()).contains(voice);
    }

    @Test
    void unknownLanguagesListTheAvailableOnes() {
        assertThatThrownBy(() -> engine.voiceFor("xx_YY"))
                .isInstanceOf(UnknownLanguageException.class)
                .hasMessageContaining("'xx_YY'")
                .hasMessageContaining("en_US")
                .satisfies(e -> assertThat(((UnknownLanguageException) e).available()).isSorted().contains("de", "en_GB"));
        assertThatThrownBy(() -> engine.voiceFor("english please"))
                .isInstanceOf(UnknownLanguageException.class).hasMessageContaining("malformed");
    }

    @ParameterizedTest
    @CsvSource({"1.0, 175", "2.0, 350", "0.5, 88", "1.3, 228"})
    void speedIs175WordsPerMinuteTimesTheRate(double rate, int wpm) {
        assertThat(EspeakEngine.wordsPerMinute(rate)).isEqualTo(wpm);
    }

    @ParameterizedTest
    @CsvSource({"0.1, 80", "5.0, 450"})
    void speedStaysWithinEspeakLimits(double rate, int wpm) {
        assertThat(EspeakEngine.wordsPerMinute(rate)).isEqualTo(wpm);
    }

    @Test
    void aMissingProgramIsReportedNotThrown() throws Exception {
        EspeakEngine missing = new EspeakEngine(new EspeakCommand("espeak-ng-not-here", EspeakCommand.DEFAULT_TIMEOUT));
        Voice voice = new Voice("espeak-ng:en-us", "en_US", "espeak-ng", null, 22050, List.of(), true, null);

        assertThat(missing.voices()).isEmpty();
        assertThat(missing.unavailableReason()).get().asString()
                .startsWith("espeak-ng is not installed: apt-get install espeak-ng");
        assertThat(missing.voiceFor("en_US")).isEmpty();
        assertThatThrownBy(() -> missing.synthesize("Hi", voice, SpeechSettings.DEFAULT))
                .isInstanceOf(TtsException.class).hasMessageContaining("not installed");
    }

    @Test
    void aHungProcessIsKilledAtTheTimeout() {
        EspeakEngine impatient = new EspeakEngine(new EspeakCommand(EspeakCommand.DEFAULT_EXECUTABLE, Duration.ofMillis(1)));
        Voice voice = impatient.voices().get(0);

        assertThatThrownBy(() -> impatient.synthesize("A long text. ".repeat(50), voice, SpeechSettings.DEFAULT))
                .isInstanceOf(TtsException.class).hasMessageContaining("did not finish");
    }

    @Test
    void anInterruptedCallerKillsTheProcessAndKeepsTheFlag() throws Exception {
        Voice voice = voice("en_US");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> engine.synthesize("Hello.", voice, SpeechSettings.DEFAULT))
                    .isInstanceOf(TtsException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void rejectsVoicesOfOtherEngines() {
        Voice piper = new Voice("en_US-lessac-medium", "en_US", "piper", "medium", 22050, List.of(), true, null);

        assertThatThrownBy(() -> engine.synthesize("Hi", piper, SpeechSettings.DEFAULT)).isInstanceOf(TtsException.class);
    }
}
