package dev.parley.ui.voices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.tts.Voice;
import dev.parley.tts.download.CatalogueFile;
import dev.parley.tts.download.CatalogueLanguage;
import dev.parley.tts.download.CatalogueVoice;
import dev.parley.tts.download.VoiceCatalogue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirstVoiceSuggestionTest {

    private static final VoiceCatalogue CATALOGUE = new VoiceCatalogue(List.of(
            voice("en_US", "arctic", "medium", 18),
            voice("en_US", "lessac", "medium", 1),
            voice("en_US", "lessac", "low", 1),
            voice("en_US", "lessac", "high", 1),
            voice("en_US", "danny", "x_low", 1),
            voice("en_GB", "alan", "medium", 1),
            voice("en_GB", "alan", "low", 1),
            voice("de_DE", "thorsten", "high", 1),
            voice("de_DE", "thorsten", "low", 1),
            voice("de_DE", "eva", "x_low", 1),
            voice("es_ES", "sharvard", "medium", 2),
            voice("es_ES", "davefx", "high", 1),
            voice("no_NO", "talesyntese", "medium", 1),
            voice("he_IL", "motek", "medium", 1)));

    private static final Voice ESPEAK = new Voice("espeak-ng:en-us", "en_US", "espeak-ng", null, 22050, List.of(),
            true, null);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "none", value = {
        "en-US, en_US-lessac-medium",
        "en-GB, en_GB-alan-medium",
        "en-AU, en_GB-alan-medium",
        "en,    en_GB-alan-medium",
        "de-DE, de_DE-thorsten-low",
        "de-AT, de_DE-thorsten-low",
        "es-ES, es_ES-sharvard-medium",
        "nb-NO, no_NO-talesyntese-medium",
        "nn-NO, no_NO-talesyntese-medium",
        "he-IL, he_IL-motek-medium",
        "ja-JP, none",
        "und,   none",
    })
    void offersTheBestVoiceOfTheSystemLanguage(String locale, String expected) {
        Optional<CatalogueVoice> suggestion =
                FirstVoiceSuggestion.choose(Locale.forLanguageTag(locale), CATALOGUE, List.of(ESPEAK));

        assertThat(suggestion.map(CatalogueVoice::key)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void mediumBeatsLowAndLowBeatsHighAndXLow() {
        VoiceCatalogue catalogue = new VoiceCatalogue(List.of(
                voice("fr_FR", "a", "x_low", 1), voice("fr_FR", "b", "high", 1), voice("fr_FR", "c", "low", 1)));

        assertThat(FirstVoiceSuggestion.choose(Locale.FRANCE, catalogue, List.of()).map(CatalogueVoice::key))
                .contains("fr_FR-c-low");
    }

    @Test
    void theOldJavaCodeForHebrewStillFindsHebrew() {
        assertThat(FirstVoiceSuggestion.choose(new Locale("iw", "IL"), CATALOGUE, List.of()).map(CatalogueVoice::key))
                .contains("he_IL-motek-medium");
    }

    @Test
    void noOfferOnceAnyPiperVoiceIsInstalledEvenAnUnusableOne() {
        Voice broken = new Voice("de_DE-x-low", "de_DE", "piper", "low", 0, List.of(), false, "model file is missing");

        assertThat(FirstVoiceSuggestion.choose(Locale.US, CATALOGUE, List.of(ESPEAK, broken))).isEmpty();
        assertThat(FirstVoiceSuggestion.wanted(List.of(ESPEAK))).isTrue();
        assertThat(FirstVoiceSuggestion.wanted(List.of(ESPEAK, broken))).isFalse();
    }

    private static CatalogueVoice voice(String code, String name, String quality, int speakers) {
        String[] parts = code.split("_");
        String key = code + "-" + name + "-" + quality;
        String folder = parts[0] + "/" + code + "/" + name + "/" + quality + "/";
        return new CatalogueVoice(key, name,
                new CatalogueLanguage(code, parts[0], parts[1], "", "", ""), quality, speakers, List.of(),
                new CatalogueFile(folder + key + ".onnx", 1_000, "0".repeat(32)),
                new CatalogueFile(folder + key + ".onnx.json", 100, "0".repeat(32)));
    }
}
