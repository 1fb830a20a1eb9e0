package dev.parley.tts.download;

import java.util.Locale;
import java.util.Objects;

/**
 * The language of a catalogue voice, as in the {@code language} object of {@code voices.json}.
 *
 * @param code {@code ll_RR} code, e.g. {@code en_US}
 * @param family language without region, e.g. {@code en}
 * @param region region, e.g. {@code US}; empty when the catalogue gives none
 * @param nameNative the language's own name, e.g. {@code Deutsch}; may be empty
 * @param nameEnglish English name of the language; may be empty
 * @param countryEnglish English name of the country; may be empty
 */
public record CatalogueLanguage(
        String code,
        String family,
        String region,
        String nameNative,
        String nameEnglish,
        String countryEnglish) {

    public CatalogueLanguage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(nameNative, "nameNative");
        Objects.requireNonNull(nameEnglish, "nameEnglish");
        Objects.requireNonNull(countryEnglish, "countryEnglish");
    }

    /**
     * Whether this language is selected by a filter as typed on the command line, ignoring case:
     * {@code en_US} and {@code en-US} select that region only, {@code en} selects every region.
     */
    public boolean matches(String filter) {
        String wanted = filter.trim().replace('-', '_').toLowerCase(Locale.ROOT);
        if (wanted.contains("_")) {
            return code.toLowerCase(Locale.ROOT).equals(wanted);
        }
        return family.toLowerCase(Locale.ROOT).equals(wanted);
    }
}
