package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EspeakLanguagesTest {

    /** Rows as espeak-ng 1.51 prints them. */
    static final String VOICES = """
            Pty Language       Age/Gender VoiceName          File                 Other Languages
             5  cmn             --/M      Chinese_(Mandarin,_latin_as_English) sit/cmn              (zh-cmn 5)(zh 5)
             5  cmn-latn-pinyin --/M      Chinese_(Mandarin,_latin_as_Pinyin) sit/cmn-Latn-pinyin  (zh-cmn 5)(zh 5)
             5  de              --/M      German             gmw/de
             5  en-029          --/M      English_(Caribbean) gmw/en-029           (en 10)
             2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
             5  en-gb-x-rp      --/M      English_(Received_Pronunciation) gmw/en-GB-x-rp       (en-gb 4)(en 5)
             2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
             5  es              --/M      Spanish_(Spain)    roa/es
             5  es-419          --/M      Spanish_(Latin_America) roa/es-419           (es-mx 6)(es 6)
             5  fr-be           --/M      French_(Belgium)   roa/fr-BE            (fr 8)
             5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)
             5  pt              --/M      Portuguese_(Portugal) roa/pt               (pt-pt 5)
             5  pt-br           --/M      Portuguese_(Brazil) roa/pt-BR            (pt 6)
             5  yue             --/M      Chinese_(Cantonese) sit/yue              (zh-yue 5)(zh 8)
             5  yue             --/M      Chinese_(Cantonese_latin_as_Jyutping) sit/yue-Latn-jyutping (zh-yue 5)(zh 8)
            """;

    static final EspeakLanguages LANGUAGES = EspeakLanguages.parse(VOICES);

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "en_US, en-us",
        "en-US, en-us",
        "en_GB, en-gb",
        "en, en-gb",
        "en_AU, en-gb",
        "en-gb-x-rp, en-gb-x-rp",
        "de_DE, de",
        "de, de",
        "fr_FR, fr-fr",
        "fr_CA, fr-fr",
        "fr, fr-fr",
        "es_ES, es",
        "es_MX, es-419",
        "pt_BR, pt-br",
        "pt_PT, pt",
        "zh_CN, cmn",
        "yue, yue",
        "xx_YY, null",
        "sv, null",
    })
    void resolvesLanguagesToEspeakVoices(String code, String voice) {
        assertThat(LANGUAGES.resolve(LanguageCode.parse(code).orElseThrow())).isEqualTo(Optional.ofNullable(voice));
    }

    @Test
    void listsEachLanguageOnce() {
        assertThat(LANGUAGES.languages()).containsExactly("cmn", "cmn-latn-pinyin", "de", "en-029", "en-gb", "en-gb-x-rp",
                "en-us", "es", "es-419", "fr-be", "fr-fr", "pt", "pt-br", "yue");
    }

    @Test
    void listsAcceptedCodesSorted() {
        assertThat(LANGUAGES.codes()).containsExactly("cmn", "de", "en", "en_029", "en_GB", "en_US", "es", "es_419", "es_MX",
                "fr", "fr_BE", "fr_FR", "pt", "pt_BR", "pt_PT", "yue", "zh");
    }

    @Test
    void theRealTableHasTheCommonLanguages() {
        EspeakCommand espeak = new EspeakCommand(EspeakCommand.DEFAULT_EXECUTABLE, EspeakCommand.DEFAULT_TIMEOUT);

        assertThat(espeak.languages().languages()).hasSizeGreaterThan(100).contains("en-us", "en-gb", "de", "fr-fr", "es", "pt-br");
    }
}
