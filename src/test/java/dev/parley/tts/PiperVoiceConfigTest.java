package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiperVoiceConfigTest {

    private static final String MINIMAL = """
            {"audio": {"sample_rate": 22050}, "num_speakers": 1, "espeak": {"voice": "en-us"},
             "phoneme_id_map": {"_": [0], "^": [1], "$": [2], "a": [14]}}
            """;

    static PiperVoiceConfig parse(String json) {
        return PiperVoiceConfig.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsARealStyleConfig() throws IOException {
        PiperVoiceConfig config = PiperVoiceConfig.parse(Files.readAllBytes(TestVoices.resource(TestVoices.MULTI + ".onnx.json")));

        assertThat(config.sampleRate()).isEqualTo(16000);
        assertThat(config.quality()).isEqualTo("low");
        assertThat(config.languageCode()).isEqualTo("en_GB");
        assertThat(config.dataset()).isEqualTo("testmulti");
        assertThat(config.textPhonemes()).isFalse();
        assertThat(config.espeakVoice()).isEqualTo("en-gb");
        assertThat(config.noiseScale()).isEqualTo(0.667f);
        assertThat(config.lengthScale()).isEqualTo(1f);
        assertThat(config.noiseW()).isEqualTo(0.8f);
        assertThat(config.numSpeakers()).isEqualTo(3);
        assertThat(config.speakerNames()).containsExactly("alice", "bob", "carol");
        assertThat(TestVoiceAudio.list(config.phonemeIds().encode("ʃ"))).containsExactly(1, 0, 96, 0, 2);
    }

    @Test
    void usesPiperDefaultsForOptionalFields() {
        PiperVoiceConfig config = parse(MINIMAL);

        assertThat(config.noiseScale()).isEqualTo(0.667f);
        assertThat(config.lengthScale()).isEqualTo(1f);
        assertThat(config.noiseW()).isEqualTo(0.8f);
        assertThat(config.quality()).isNull();
        assertThat(config.languageCode()).isNull();
        assertThat(config.speakers()).isEmpty();
    }

    @Test
    void speakersWithoutNamesAreNamedByTheirIds() {
        PiperVoiceConfig config = parse(MINIMAL.replace("\"num_speakers\": 1", "\"num_speakers\": 2"));

        assertThat(config.speakerNames()).containsExactly("0", "1");
    }

    @Test
    void speakersAreListedInIdOrder() {
        PiperVoiceConfig config = parse(MINIMAL.replace("\"num_speakers\": 1",
                "\"num_speakers\": 3, \"speaker_id_map\": {\"zed\": 0, \"amy\": 2, \"bo\": 1}"));

        assertThat(config.speakerNames()).containsExactly("zed", "bo", "amy");
    }

    @Test
    void appliesThePhonemeMapAndPiperDefaultForBrazilianPortuguese() {
        PiperVoiceConfig mapped = parse(MINIMAL.replace("\"num_speakers\": 1", "\"num_speakers\": 1, \"phoneme_map\": {\"b\": [\"a\"]}"));
        PiperVoiceConfig brazilian = parse(MINIMAL.replace("en-us", "pt-br").replace("\"a\": [14]", "\"k\": [23]"));

        assertThat(TestVoiceAudio.list(mapped.phonemeIds().encode("b"))).containsExactly(1, 0, 14, 0, 2);
        assertThat(TestVoiceAudio.list(brazilian.phonemeIds().encode("c"))).containsExactly(1, 0, 23, 0, 2);
    }

    @Test
    void textVoicesNeedNoEspeakVoice() {
        PiperVoiceConfig config = parse(MINIMAL.replace("\"espeak\": {\"voice\": \"en-us\"},", "\"phoneme_type\": \"text\","));

        assertThat(config.textPhonemes()).isTrue();
        assertThat(config.espeakVoice()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json at all | not valid JSON",
        "[1, 2] | not a JSON object",
        "{} | audio.sample_rate is missing",
        "{\"audio\": {\"sample_rate\": \"fast\"}, \"num_speakers\": 1} | audio.sample_rate is not a positive integer",
        "{\"audio\": {\"sample_rate\": 22050}} | num_speakers is missing",
        "{\"audio\": {\"sample_rate\": 22050}, \"num_speakers\": 1, \"phoneme_id_map\": {\"_\": [0]}} | espeak.voice is missing",
        "{\"audio\": {\"sample_rate\": 22050}, \"num_speakers\": 1, \"espeak\": {\"voice\": \"en-us\"}} | phoneme_id_map is missing",
        "{\"audio\": {\"sample_rate\": 22050}, \"num_speakers\": 1, \"espeak\": {\"voice\": \"en-us\"}, \"phoneme_id_map\": {\"_\": [0], \"^\": [1]}} | lacks '$'",
        "{\"audio\": {\"sample_rate\": 22050}, \"num_speakers\": 1, \"espeak\": {\"voice\": \"en-us\"}, \"phoneme_id_map\": {\"ab\": [0]}} | not a single code point",
        "{\"audio\": {\"sample_rate\": 22050}, \"num_speakers\": 1, \"espeak\": {\"voice\": \"en-us\"}, \"phoneme_id_map\": {\"_\": \"x\"}} | has no ids",
        "{\"audio\": {\"sample_rate\": 22050}, \"num_speakers\": 1, \"phoneme_type\": \"klingon\"} | unsupported phoneme_type",
    })
    void rejectsBrokenConfigsWithTheReason(String json, String reason) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @Test
    void theTestVoicesUsePiperEspeakAlphabet() throws IOException {
        PiperVoiceConfig config = PiperVoiceConfig.parse(Files.readAllBytes(TestVoices.resource(TestVoices.SINGLE + ".onnx.json")));

        assertThat(TestVoiceAudio.list(config.phonemeIds().encode("həlˈoʊ")))
                .isEqualTo(List.of(1, 0, 20, 0, 59, 0, 24, 0, 120, 0, 27, 0, 100, 0, 2));
    }
}
