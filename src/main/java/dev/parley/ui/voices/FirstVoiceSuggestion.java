package dev.parley.ui.voices;

import dev.parley.tts.PiperEngine;
import dev.parley.tts.Voice;
import dev.parley.tts.download.CatalogueVoice;
import dev.parley.tts.download.VoiceCatalogue;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which voice to offer on a first start without any Piper voice: one voice of the system
 * language, as small as sounds good.
 */
final class FirstVoiceSuggestion {

    /** Medium first: Piper's recommended balance; low before high because the download is smaller. */
    private static final List<String> QUALITY_ORDER = List.of("medium", "low", "high", "x_low");

    private FirstVoiceSuggestion() {}

    /**
     * The voice to offer, or empty when a Piper voice is installed (usable or not: the person has
     * voices already) or the catalogue has none for the language. Among the voices of the
     * language: the locale's region before other regions, then by quality (medium, low, high,
     * x_low), then single-speaker before multi-speaker, then the catalogue's order.
     *
     * @param locale the system locale, e.g. {@code en-US}; {@code nb}/{@code nn} find the
     *     catalogue's {@code no} voices
     */
    static Optional<CatalogueVoice> choose(Locale locale, VoiceCatalogue catalogue, List<Voice> installed) {
        if (!wanted(installed)) {
            return Optional.empty();
        }
        // The language tag, unlike getLanguage(), gives modern codes (he, not iw) on Java 17.
        String family = Languages.catalogueFamily(locale.toLanguageTag().split("-", 2)[0]);
        String region = locale.getCountry();
        Comparator<CatalogueVoice> preference = Comparator
                .comparing((CatalogueVoice voice) -> !voice.language().region().equalsIgnoreCase(region))
                .thenComparingInt(voice -> qualityRank(voice.quality()))
                .thenComparing(voice -> voice.numSpeakers() > 1);
        return catalogue.voices().stream()
                .filter(voice -> voice.language().family().equalsIgnoreCase(family))
                .min(preference);
    }

    /** Whether to offer a voice at all: only while no Piper voice is installed, usable or not. */
    static boolean wanted(List<Voice> installed) {
        return installed.stream().noneMatch(voice -> PiperEngine.NAME.equals(voice.engine()));
    }

    private static int qualityRank(String quality) {
        int rank = QUALITY_ORDER.indexOf(quality);
        return rank < 0 ? QUALITY_ORDER.size() : rank;
    }
}
