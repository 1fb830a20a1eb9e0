package dev.parley.tts.download;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import dev.parley.tts.ClosestNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The voices of one catalogue, in display order: by language code, then name, then quality from
 * lowest to highest. Immutable.
 */
public final class VoiceCatalogue {

    private static final List<String> QUALITIES = List.of("x_low", "low", "medium", "high");

    private static final Comparator<CatalogueVoice> ORDER = Comparator
            .comparing((CatalogueVoice v) -> v.language().code())
            .thenComparing(CatalogueVoice::name)
            .thenComparingInt(v -> qualityRank(v.quality()))
            .thenComparing(CatalogueVoice::key);

    private final List<CatalogueVoice> voices;

    public VoiceCatalogue(Collection<CatalogueVoice> voices) {
        List<CatalogueVoice> sorted = new ArrayList<>(voices);
        sorted.sort(ORDER);
        this.voices = List.copyOf(sorted);
    }

    /** Every voice, in display order. */
    public List<CatalogueVoice> voices() {
        return voices;
    }

    /**
     * The voices of a language, in display order; see {@link CatalogueLanguage#matches} for the
     * filter syntax.
     *
     * @param language {@code en}, {@code en_US} or {@code en-US}; {@code null} for all voices
     */
    public List<CatalogueVoice> forLanguage(String language) {
        if (language == null) {
            return voices;
        }
        return voices.stream().filter(v -> v.language().matches(language)).toList();
    }

    /**
     * The voice with this key or alias: an exact match first, then one ignoring case.
     */
    public Optional<CatalogueVoice> find(String id) {
        for (CatalogueVoice voice : voices) {
            if (voice.key().equals(id)) {
                return Optional.of(voice);
            }
        }
        for (CatalogueVoice voice : voices) {
            if (voice.aliases().contains(id)) {
                return Optional.of(voice);
            }
        }
        String lower = id.toLowerCase(Locale.ROOT);
        for (CatalogueVoice voice : voices) {
            if (voice.key().toLowerCase(Locale.ROOT).equals(lower)
                    || voice.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(lower))) {
                return Optional.of(voice);
            }
        }
        return Optional.empty();
    }

    /**
     * Keys of the voices whose key or an alias is closest to an id that {@link #find} did not
     * know, best first; empty when nothing is close.
     */
    public List<String> closestKeys(String id, int max) {
        Map<String, String> names = new LinkedHashMap<>();
        for (CatalogueVoice voice : voices) {
            names.put(voice.key(), voice.key());
            for (String alias : voice.aliases()) {
                names.putIfAbsent(alias, voice.key());
            }
        }
        return ClosestNames.closest(id, names, max);
    }

    private static int qualityRank(String quality) {
        int rank = QUALITIES.indexOf(quality);
        return rank >= 0 ? rank : QUALITIES.size();
    }
}
