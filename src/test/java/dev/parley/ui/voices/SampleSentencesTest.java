package dev.parley.ui.voices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleSentencesTest {

    @ParameterizedTest(name = "language \"{0}\"")
    @CsvSource(nullValues = "null", value = {
        "en_US,  Hello! This is how this voice sounds.",
        "en,     Hello! This is how this voice sounds.",
        "de_DE,  Hallo! So klingt diese Stimme.",
        "de-AT,  Hallo! So klingt diese Stimme.",
        "fr_FR,  Bonjour ! Voici comment sonne cette voix.",
        "nb_NO,  Hei! Slik høres denne stemmen ut.",
        "no_NO,  Hei! Slik høres denne stemmen ut.",
        "zh_CN,  你好！这是这个声音的示例。",
        "sw_CD,  Hello! This is how this voice sounds.",
        "null,   Hello! This is how this voice sounds.",
        "'',     Hello! This is how this voice sounds.",
    })
    void speaksTheVoicesLanguageWhenKnownElseEnglish(String language, String expected) {
        assertThat(SampleSentences.forLanguage(language)).isEqualTo(expected);
    }
}
