package dev.parley.tts;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Phonemes for Piper voices of {@code phoneme_type: text}, as piper-phonemize makes them: the text
 * case-folded (its default {@code CASING_FOLD}) and decomposed (NFD), one code point per phoneme,
 * all of it one sentence.
 */
final class TextPhonemes {

    private static final int DOTLESS_I = 'ı';

    private TextPhonemes() {
    }

    static List<String> of(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return List.of(Normalizer.normalize(caseFold(text), Normalizer.Form.NFD));
    }

    /**
     * Unicode full case folding as far as Java's case mappings reach it: per code point (so that
     * {@code Σ} and {@code ς} both become {@code σ}, with no final-sigma rule), lower, upper, then
     * lower case ({@code ẞ → ß → SS → ss}). Folding keeps the dotless {@code ı}, which the round
     * trip through {@code I} would turn into {@code i}.
     */
    static String caseFold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x80 || c == DOTLESS_I) {
                folded.appendCodePoint(Character.toLowerCase(c));
            } else {
                folded.append(Character.toString(c).toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
            }
        });
        return folded.toString();
    }
}
