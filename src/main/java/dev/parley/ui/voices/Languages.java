package dev.parley.ui.voices;

import dev.parley.tts.download.CatalogueLanguage;
import java.util.Locale;

/** Names of catalogue languages for people, and the mapping of system languages onto the catalogue's. */
final class Languages {

    private Languages() {}

    /**
     * The catalogue's family for a lower-case ISO 639 code: Piper files Norwegian Bokmål and
     * Nynorsk under {@code no}, which Java and desktops call {@code nb} and {@code nn}.
     */
    static String catalogueFamily(String family) {
        String lower = family.toLowerCase(Locale.ROOT);
        return lower.equals("nb") || lower.equals("nn") ? "no" : lower;
    }

    /** {@code de_DE · Deutsch / German (Germany)}; parts the catalogue leaves empty are left out. */
    static String label(CatalogueLanguage language) {
        String country = language.countryEnglish().isEmpty() ? "" : " (" + language.countryEnglish() + ")";
        return language.code() + " · " + names(language) + country;
    }

    /** {@code en · English, all regions}. */
    static String familyLabel(CatalogueLanguage language) {
        return language.family() + " · " + names(language) + ", all regions";
    }

    private static String names(CatalogueLanguage language) {
        String nativeName = language.nameNative();
        String english = language.nameEnglish();
        if (nativeName.isEmpty()) {
            return english.isEmpty() ? language.code() : english;
        }
        return english.isEmpty() || english.equals(nativeName) ? nativeName : nativeName + " / " + english;
    }
}
