package dev.parley.tts.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.tts.ClosestNames;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VoiceCatalogueTest {

    private static VoiceCatalogue catalogue;

    @BeforeAll
    static void parse() throws Exception {
        catalogue = CatalogueParser.parse(CatalogueParserTest.sample());
    }

    @Test
    void ordersByLanguageThenNameThenQualityFromLowToHigh() {
        assertThat(catalogue.voices()).extracting(CatalogueVoice::key).containsExactly(
                "de_DE-thorsten-medium",
                "en_GB-alan-low",
                "en_US-lessac-low",
                "en_US-lessac-medium",
                "en_US-lessac-high",
                "en_US-libritts_r-medium",
                "fr_FR-siwis-low");
    }

    @Test
    void ordersXLowBeforeLowAndUnknownQualitiesLast() {
        VoiceCatalogue qualities = new VoiceCatalogue(List.of(
                voice("en_US-a-high", "high"), voice("en_US-a-custom", "custom"),
                voice("en_US-a-low", "low"), voice("en_US-a-x_low", "x_low")));

        assertThat(qualities.voices()).extracting(CatalogueVoice::quality)
                .containsExactly("x_low", "low", "high", "custom");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            en     | en_GB-alan-low en_US-lessac-low en_US-lessac-medium en_US-lessac-high en_US-libritts_r-medium
            EN     | en_GB-alan-low en_US-lessac-low en_US-lessac-medium en_US-lessac-high en_US-libritts_r-medium
            en_US  | en_US-lessac-low en_US-lessac-medium en_US-lessac-high en_US-libritts_r-medium
            en-US  | en_US-lessac-low en_US-lessac-medium en_US-lessac-high en_US-libritts_r-medium
            en-us  | en_US-lessac-low en_US-lessac-medium en_US-lessac-high en_US-libritts_r-medium
            en_gb  | en_GB-alan-low
            de     | de_DE-thorsten-medium
            ' fr ' | fr_FR-siwis-low
            de_AT  | ''
            e      | ''
            xx     | ''
            """)
    void filtersByLanguageOrLanguageAndRegion(String language, String keys) {
        List<String> expected = keys.isEmpty() ? List.of() : Arrays.asList(keys.split(" "));

        assertThat(catalogue.forLanguage(language)).extracting(CatalogueVoice::key).containsExactlyElementsOf(expected);
    }

    @Test
    void noFilterMeansEveryVoice() {
        assertThat(catalogue.forLanguage(null)).isEqualTo(catalogue.voices());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            en_US-lessac-medium, en_US-lessac-medium
            en-us-lessac-medium, en_US-lessac-medium
            de-thorsten-medium,  de_DE-thorsten-medium
            EN_us-Lessac-Low,    en_US-lessac-low
            EN-US-LESSAC-LOW,    en_US-lessac-low
            """)
    void findsAVoiceByKeyOrAliasIgnoringCase(String id, String key) {
        assertThat(catalogue.find(id)).map(CatalogueVoice::key).contains(key);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(catalogue.find("en_US-lessac-ultra")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en_US-lesac-medium   | en_US-lessac-medium
            en_US-lessac-meduim  | en_US-lessac-medium
            en-us-lessac-mediun  | en_US-lessac-medium
            de_DE-thorsten-high  | de_DE-thorsten-medium
            en_US-lessac         | en_US-lessac-low en_US-lessac-high en_US-lessac-medium
            lessac               | en_US-lessac-low en_US-lessac-high en_US-lessac-medium
            en_US-lessac-ultra   | en_US-lessac-low en_US-lessac-high en_US-lessac-medium
            """)
    void suggestsTheClosestKeys(String id, String closest) {
        List<String> expected = Arrays.asList(closest.split(" "));

        assertThat(catalogue.closestKeys(id, 5)).startsWith(expected.toArray(String[]::new));
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertThat(catalogue.closestKeys("zz_ZZ-nobody-low", 5)).isEmpty();
    }

    @Test
    void suggestsAtMostTheRequestedNumberOfDistinctKeys() {
        assertThat(catalogue.closestKeys("en_US-lessac", 2)).hasSize(2);
        assertThat(catalogue.closestKeys("lessac", 5)).doesNotHaveDuplicates();
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(ClosestNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestNames.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestNames.distance("same", "same")).isZero();
    }

    private static CatalogueVoice voice(String key, String quality) {
        CatalogueFile file = new CatalogueFile(key + ".onnx", 1, "00112233445566778899aabbccddeeff");
        return new CatalogueVoice(key, "a", new CatalogueLanguage("en_US", "en", "US", "", "", ""), quality, 1,
                List.of(), file, file);
    }
}
