package dev.parley.tts.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogueParserTest {

    static String sample() throws IOException {
        try (InputStream in = CatalogueParserTest.class.getResourceAsStream("voices-sample.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEveryVoiceOfTheRealFormat() throws Exception {
        VoiceCatalogue catalogue = CatalogueParser.parse(sample());

        assertThat(catalogue.voices()).extracting(CatalogueVoice::key).containsExactlyInAnyOrder(
                "de_DE-thorsten-medium", "en_GB-alan-low", "en_US-lessac-high", "en_US-lessac-low",
                "en_US-lessac-medium", "en_US-libritts_r-medium", "fr_FR-siwis-low");
    }

    @Test
    void keepsTheFieldsOfAVoiceAndOnlyItsModelAndConfigFiles() throws Exception {
        CatalogueVoice voice = CatalogueParser.parse(sample()).find("en_US-lessac-medium").orElseThrow();

        assertThat(voice).isEqualTo(new CatalogueVoice(
                "en_US-lessac-medium",
                "lessac",
                new CatalogueLanguage("en_US", "en", "US", "English", "English", "United States"),
                "medium",
                1,
                List.of("en-us-lessac-medium"),
                new CatalogueFile("en/en_US/lessac/medium/en_US-lessac-medium.onnx", 63_201_294,
                        "2d6b3f1a5c7e9b0d2f4a6c8e0b2d4f6a"),
                new CatalogueFile("en/en_US/lessac/medium/en_US-lessac-medium.onnx.json", 4_885,
                        "a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6")));
        assertThat(voice.sizeBytes()).isEqualTo(63_206_179);
        assertThat(voice.model().fileName()).isEqualTo("en_US-lessac-medium.onnx");
    }

    @Test
    void readsMultiSpeakerVoicesAndNonAsciiNames() throws Exception {
        VoiceCatalogue catalogue = CatalogueParser.parse(sample());

        assertThat(catalogue.find("en_US-libritts_r-medium").orElseThrow().numSpeakers()).isEqualTo(904);
        assertThat(catalogue.find("fr_FR-siwis-low").orElseThrow().language().nameNative()).isEqualTo("Français");
    }

    @Test
    void ignoresFieldsItDoesNotKnowAndFillsOptionalOnes() throws Exception {
        String json = """
                {"xx_YY-new-x_low": {
                    "name": "new", "quality": "x_low", "license": "MIT", "added": {"nested": [1, 2]},
                    "language": {"code": "xx_YY", "script": "Latn"},
                    "files": {
                        "xx/xx_YY-new-x_low.onnx": {"size_bytes": 10, "md5_digest": "00112233445566778899aabbccddeeff", "sha256": "x"},
                        "xx/xx_YY-new-x_low.onnx.json": {"size_bytes": 2, "md5_digest": "ffeeddccbbaa99887766554433221100"}
                    }
                }}
                """;

        CatalogueVoice voice = CatalogueParser.parse(json).voices().get(0);

        assertThat(voice.language()).isEqualTo(new CatalogueLanguage("xx_YY", "xx", "", "", "", ""));
        assertThat(voice.numSpeakers()).isEqualTo(1);
        assertThat(voice.aliases()).isEmpty();
        assertThat(voice.model().sizeBytes()).isEqualTo(10);
    }

    @Test
    void anEmptyCatalogueHasNoVoices() throws Exception {
        assertThat(CatalogueParser.parse("{}").voices()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a": 1                                                     | Unexpected end-of-input
            not json                                                    | Unrecognized token 'not'
            ''                                                          | expected a JSON object of voices
            [1, 2]                                                      | expected a JSON object of voices
            {"v": 3}                                                    | voice 'v': expected an object
            {"v": {"name": "n", "quality": "low", "files": {}}}         | voice 'v': missing 'language'
            {"v": {"name": "n", "quality": "low", "language": {}}}      | voice 'v': missing 'language.code'
            {"v": {"name": "n", "quality": "low", "language": {"code": "en_US"}}}               | voice 'v': missing 'files'
            {"v": {"name": "n", "quality": "low", "language": {"code": "en_US"}, "files": []}}  | voice 'v': missing 'files'
            """)
    void rejectsAMalformedCatalogueNamingTheProblem(String json, String message) {
        assertThatThrownBy(() -> CatalogueParser.parse(json))
                .isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith("malformed voice catalogue: ")
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a/v.onnx.json": {"size_bytes": 1, "md5_digest": "00112233445566778899aabbccddeeff"}} | no '.onnx' file in 'files'
            {"a/v.onnx": {"size_bytes": 1, "md5_digest": "00112233445566778899aabbccddeeff"}}      | no '.onnx.json' file in 'files'
            {"a/v.onnx": {"size_bytes": 1, "md5_digest": "0011"}}                                  | 'a/v.onnx' has no valid 'md5_digest'
            {"a/v.onnx": {"size_bytes": 1}}                                                        | 'a/v.onnx' has no valid 'md5_digest'
            {"a/v.onnx": {"md5_digest": "00112233445566778899aabbccddeeff"}}                       | 'a/v.onnx' has no valid 'size_bytes'
            {"a/v.onnx": {"size_bytes": "12", "md5_digest": "00112233445566778899aabbccddeeff"}}   | 'a/v.onnx' has no valid 'size_bytes'
            {"a/v.onnx": {"size_bytes": -1, "md5_digest": "00112233445566778899aabbccddeeff"}}     | 'a/v.onnx' has no valid 'size_bytes'
            """)
    void rejectsFilesWithoutWhatVerifyingThemNeeds(String files, String message) {
        String json = """
                {"v": {"name": "n", "quality": "low", "language": {"code": "en_US"}, "files": %s}}
                """.formatted(files);

        assertThatThrownBy(() -> CatalogueParser.parse(json))
                .isInstanceOf(CatalogueException.class)
                .hasMessage("malformed voice catalogue: voice 'v': " + message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            "language": {"code": "en_US"}, "files": {}                      | voice 'v': missing 'name'
            "name": "n", "language": {"code": "en_US"}, "files": {}         | voice 'v': missing 'quality'
            "name": "n", "quality": "low", "num_speakers": 0, "language": {"code": "en_US"}, "files": {} | voice 'v': 'num_speakers' must be a positive number
            """)
    void rejectsAVoiceLackingAField(String fields, String message) {
        String json = """
                {"v": {%s, "files": {
                    "a/v.onnx": {"size_bytes": 1, "md5_digest": "00112233445566778899aabbccddeeff"},
                    "a/v.onnx.json": {"size_bytes": 1, "md5_digest": "00112233445566778899aabbccddeeff"}}}}
                """.formatted(fields.replace(", \"files\": {}", ""));

        assertThatThrownBy(() -> CatalogueParser.parse(json))
                .isInstanceOf(CatalogueException.class)
                .hasMessage("malformed voice catalogue: " + message);
    }
}
