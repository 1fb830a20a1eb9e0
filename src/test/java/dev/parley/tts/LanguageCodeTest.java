package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageCodeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "en_US, en, US, en-us, en_US",
        "en-US, en, US, en-us, en_US",
        "en-us, en, US, en-us, en_US",
        "EN, en, null, en, en",
        "es_419, es, 419, es-419, es_419",
        "en-gb-x-rp, en, GB, en-gb-x-rp, en_GB",
        "cmn-latn-pinyin, cmn, null, cmn-latn-pinyin, cmn",
        "' pt_BR ', pt, BR, pt-br, pt_BR",
    })
    void parses(String input, String family, String region, String tag, String text) {
        LanguageCode code = LanguageCode.parse(input).orElseThrow();

        assertThat(code.family()).isEqualTo(family);
        assertThat(code.region()).isEqualTo(region);
        assertThat(code.tag()).isEqualTo(tag);
        assertThat(code).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "english", "en_", "en__US", "en US", "1n", "en_US!", "../etc"})
    void rejectsMalformedCodes(String input) {
        assertThat(LanguageCode.parse(input)).isEmpty();
    }
}
