package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real Piper test voices (renamed copies) and the real espeak-ng, present or pointed elsewhere. */
class VoiceSelectorTest {

    @TempDir
    static Path folder;

    static PiperEngine piper;
    static EspeakEngine espeak;
    static EspeakEngine noEspeak;
    static PiperEngine piperWithoutEspeak;

    @BeforeAll
    static void setUp() throws IOException {
        install("en_US-amy-low", "en_US", "low");
        install("en_US-bob-medium", "en_US", "medium");
        install("en_US-cat-high", "en_US", "high");
        install("en_GB-dan-x_low", "en_GB", "x_low");
        install("de_DE-eva-low", "de_DE", "low");
        install("en_US-zed-medium", "en_US", "medium");
        Files.writeString(folder.resolve("en_US-zed-medium.onnx.json"), "{}");
        EspeakCommand command = new EspeakCommand(EspeakCommand.DEFAULT_EXECUTABLE, EspeakCommand.DEFAULT_TIMEOUT);
        EspeakCommand missing = new EspeakCommand(folder.resolve("no-espeak").toString(), EspeakCommand.DEFAULT_TIMEOUT);
        piper = new PiperEngine(new VoiceLibrary(List.of(folder)), new EspeakPhonemizer(command), 1);
        espeak = new EspeakEngine(command);
        noEspeak = new EspeakEngine(missing);
        TestVoices.install(TestVoices.TEXT, folder.resolve("text"), "de_DE-txt-low");
        piperWithoutEspeak = new PiperEngine(new VoiceLibrary(List.of(folder, folder.resolve("text"))),
                new EspeakPhonemizer(missing), 1);
    }

    @AfterAll
    static void tearDown() {
        piper.close();
        piperWithoutEspeak.close();
    }

    static void install(String id, String language, String quality) {
        TestVoices.install(TestVoices.SINGLE, folder, id, TestVoices.languageAndQuality(language, quality));
    }

    static String select(VoiceSelector selector, String voice, String language) throws VoiceSelectionException {
        VoiceSelection selection = selector.select(voice, language);
        return selection instanceof VoiceSelection.Chosen chosen
                ? chosen.engine().name() + "/" + chosen.voice().id()
                : "none";
    }

    @ParameterizedTest(name = "voice={0} language={1} defaults={2} -> {3}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
        "null | null | '' | piper/en_US-bob-medium",
        "null | en_US | '' | piper/en_US-bob-medium",
        "null | en-US | '' | piper/en_US-bob-medium",
        "null | en-us | '' | piper/en_US-bob-medium",
        "null | en | '' | piper/en_US-bob-medium",
        "null | en_GB | '' | piper/en_GB-dan-x_low",
        "null | en_AU | '' | piper/en_US-bob-medium",
        "null | de | '' | piper/de_DE-eva-low",
        "null | de_AT | '' | piper/de_DE-eva-low",
        "null | fr_FR | '' | espeak-ng/espeak-ng:fr-fr",
        "null | es-ES | '' | espeak-ng/espeak-ng:es",
        "null | pt_BR | '' | espeak-ng/espeak-ng:pt-br",
        "null | en_US | en_US-cat-high | piper/en_US-cat-high",
        "null | null | 'de_DE-eva-low, en_US-cat-high' | piper/en_US-cat-high",
        "null | en_GB | en_US-cat-high | piper/en_GB-dan-x_low",
        "null | en_AU | en_US-cat-high | piper/en_US-cat-high",
        "null | en | en_US-amy-low | piper/en_US-amy-low",
        "null | en_US | 'nobody-here, en_US-zed-medium' | piper/en_US-bob-medium",
        "null | en_US | espeak-ng:en-us | espeak-ng/espeak-ng:en-us",
        "de_DE-eva-low | en_US | '' | piper/de_DE-eva-low",
        "espeak-ng:de | null | '' | espeak-ng/espeak-ng:de",
        "' en_US-amy-low ' | null | '' | piper/en_US-amy-low",
    })
    void choosesTheVoice(String voice, String language, String defaults, String expected) throws Exception {
        VoiceSelector selector = new VoiceSelector(piper, espeak, defaults == null ? List.of() : java.util.Arrays.stream(defaults.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList());

        assertThat(select(selector, voice, language)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "without espeak-ng: voice={0} language={1} -> {2}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
        "null | de_DE | piper/de_DE-txt-low",
        "null | de | piper/de_DE-txt-low",
        "null | en_US | none",
        "null | fr_FR | none",
        "null | xx_YY | none",
    })
    void withoutEspeakOnlyPiperVoicesThatNeedNoPhonemizerSpeak(String voice, String language, String expected) throws Exception {
        VoiceSelector selector = new VoiceSelector(piperWithoutEspeak, noEspeak, List.of());

        assertThat(select(selector, voice, language)).isEqualTo(expected);
    }

    @Test
    void noVoiceSaysWhy() throws Exception {
        VoiceSelection selection = new VoiceSelector(piperWithoutEspeak, noEspeak, List.of()).select(null, "fr_FR");

        assertThat(selection).isInstanceOfSatisfying(VoiceSelection.NoVoice.class,
                none -> assertThat(none.reason()).contains("fr_FR").contains("apt-get install espeak-ng"));
    }

    @Test
    void anUnknownVoiceFailsWithNearMatches() {
        VoiceSelector selector = new VoiceSelector(piper, espeak, List.of());

        assertThatThrownBy(() -> selector.select("en_US-bob-medum", null))
                .isInstanceOfSatisfying(VoiceNotFoundException.class,
                        e -> assertThat(e.nearMatches()).first().isEqualTo("en_US-bob-medium"))
                .hasMessageContaining("no voice 'en_US-bob-medum'; did you mean: en_US-bob-medium");
        assertThatThrownBy(() -> selector.select("en_US-bob", null))
                .isInstanceOfSatisfying(VoiceNotFoundException.class,
                        e -> assertThat(e.nearMatches()).contains("en_US-bob-medium"));
        assertThatThrownBy(() -> selector.select("completely-different-thing", null))
                .isInstanceOfSatisfying(VoiceNotFoundException.class, e -> assertThat(e.nearMatches()).isEmpty())
                .hasMessage("no voice 'completely-different-thing'");
    }

    @Test
    void anUnavailableVoiceFailsWithItsReason() {
        VoiceSelector selector = new VoiceSelector(piper, espeak, List.of());

        assertThatThrownBy(() -> selector.select("en_US-zed-medium", null))
                .isInstanceOf(VoiceUnavailableException.class)
                .hasMessageContaining("en_US-zed-medium")
                .hasMessageContaining("audio.sample_rate is missing");
    }

    @Test
    void anUnknownLanguageListsTheAvailableOnes() {
        VoiceSelector selector = new VoiceSelector(piper, espeak, List.of());

        assertThatThrownBy(() -> selector.select(null, "xx_YY"))
                .isInstanceOfSatisfying(UnknownLanguageException.class, e -> {
                    assertThat(e.available()).isSorted().contains("de_DE", "en_GB", "en_US", "fr_FR");
                    assertThat(e.getMessage()).startsWith("no voice for language 'xx_YY'; available: ");
                });
        assertThatThrownBy(() -> selector.select(null, "Klingon!"))
                .isInstanceOf(UnknownLanguageException.class)
                .hasMessageStartingWith("malformed language code 'Klingon!'");
    }

    @Test
    void theChoiceBindsToASynthesizer() throws Exception {
        VoiceSelection selection = new VoiceSelector(piper, espeak, List.of()).select("en_US-amy-low", null);

        Synthesizer synthesizer = ((VoiceSelection.Chosen) selection).synthesizer(SpeechSettings.DEFAULT);

        assertThat(synthesizer.synthesize("Hi.").samples()).hasSize(13 * TestVoiceAudio.SEGMENT);
    }
}
