package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextPhonemesTest {

    @ParameterizedTest
    @CsvSource({
        "Hello, hello",
        "Straße, strasse",
        "ẞ, ss",
        "λόγος, λόγοσ",
        "ΛΌΓΟΣ, λόγοσ",
        "ς, σ",
        "ﬁne, fine",
        "µ, μ",
        "ſ, s",
        "KELVIN \u212A, kelvin k",
        "ı, ı",
        "İ, i\u0307",
    })
    void foldsCaseAsUnicodeDoes(String text, String folded) {
        assertThat(TextPhonemes.caseFold(text)).isEqualTo(folded);
    }

    @Test
    void decomposesTheFoldedTextIntoOneSentence() {
        assertThat(TextPhonemes.of("Zoë ẞ\nΣ")).containsExactly(Normalizer.normalize("zoë ss\nσ", Normalizer.Form.NFD));
        assertThat(TextPhonemes.of(" \n")).isEmpty();
    }
}
