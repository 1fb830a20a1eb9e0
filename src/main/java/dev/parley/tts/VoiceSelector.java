package dev.parley.tts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Picks the voice for a request, over the Piper voices and espeak-ng.
 *
 * <ol>
 *   <li>{@code voice=<id>} picks that voice of any engine; an unknown id fails with near matches,
 *       an unavailable one with its reason.
 *   <li>Otherwise the language ({@code en_US}, {@code en-US}, or {@code en} for any region;
 *       {@link #DEFAULT_LANGUAGE} when absent) decides, first match wins:
 *       <ol>
 *         <li>a configured default voice of exactly that language (for {@code en}: of the family);
 *         <li>the best Piper voice of exactly that language;
 *         <li>a configured default voice of another region of the family;
 *         <li>the best Piper voice of another region of the family;
 *         <li>espeak-ng's voice for the language;
 *         <li>{@link VoiceSelection.NoVoice} when espeak-ng is not installed.
 *       </ol>
 *       "Best" is by quality, medium, high, low, x_low (medium first: it is Piper's recommended
 *       balance of sound and speed), then by id. A language neither Piper nor espeak-ng speaks, or
 *       a malformed code, fails listing the available languages.
 * </ol>
 *
 * <p>Configured defaults ({@code PARLEY_VOICE}) are voice ids, one per language, e.g.
 * {@code en_US-lessac-medium,de_DE-thorsten-medium}; see {@link #parseDefaultVoices}. A default that
 * is not installed or unavailable is passed over. Only available voices are ever chosen by language.
 *
 * <p>Thread-safe; reads the engines' current voices on every call.
 */
public final class VoiceSelector {

    public static final String DEFAULT_LANGUAGE = "en_US";

    private static final List<String> QUALITY_ORDER = List.of("medium", "high", "low", "x_low");
    private static final int MAX_NEAR_MATCHES = 5;

    private final PiperEngine piper;
    private final EspeakEngine espeak;
    private final List<String> defaultVoices;

    /**
     * @param defaultVoices configured default voice ids in priority order, e.g. from
     *     {@link #parseDefaultVoices}
     */
    public VoiceSelector(PiperEngine piper, EspeakEngine espeak, List<String> defaultVoices) {
        this.piper = Objects.requireNonNull(piper, "piper");
        this.espeak = Objects.requireNonNull(espeak, "espeak");
        this.defaultVoices = List.copyOf(defaultVoices);
    }

    /** Reads {@code PARLEY_VOICE}: voice ids separated by commas; {@code null} or blank means none. */
    public static List<String> parseDefaultVoices(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    /**
     * Chooses a voice.
     *
     * @param voiceId a voice id from {@code /voices}, or {@code null}
     * @param language a language code, or {@code null} for {@link #DEFAULT_LANGUAGE}; ignored when
     *     {@code voiceId} is given
     * @throws VoiceNotFoundException when {@code voiceId} names no voice
     * @throws VoiceUnavailableException when {@code voiceId} names a voice that cannot be used
     * @throws UnknownLanguageException when the language is malformed or no voice speaks it
     */
    public VoiceSelection select(String voiceId, String language) throws VoiceSelectionException {
        List<Voice> piperVoices = piper.voices();
        if (voiceId != null && !voiceId.isBlank()) {
            return byId(voiceId.strip(), piperVoices);
        }
        String requested = language == null || language.isBlank() ? DEFAULT_LANGUAGE : language.strip();
        LanguageCode code = LanguageCode.parse(requested)
                .orElseThrow(() -> new UnknownLanguageException(requested, true, languages(piperVoices)));
        List<Voice> defaults = defaults(piperVoices);
        Predicate<Voice> exact = voice -> matchesExactly(voice, code);
        Predicate<Voice> family = voice -> code(voice).map(c -> c.family().equals(code.family())).orElse(false);
        Optional<Voice> chosen = defaults.stream().filter(exact).findFirst()
                .or(() -> best(piperVoices, exact))
                .or(() -> defaults.stream().filter(family).findFirst())
                .or(() -> best(piperVoices, family));
        if (chosen.isPresent()) {
            return new VoiceSelection.Chosen(engineOf(chosen.get()), chosen.get());
        }
        Optional<String> espeakMissing = espeak.unavailableReason();
        if (espeakMissing.isPresent()) {
            return new VoiceSelection.NoVoice("no Piper voice for " + requested + " and " + espeakMissing.get());
        }
        try {
            return new VoiceSelection.Chosen(espeak, espeak.voiceFor(requested).orElseThrow());
        } catch (UnknownLanguageException e) {
            throw new UnknownLanguageException(requested, false, languages(piperVoices));
        }
    }

    private VoiceSelection byId(String voiceId, List<Voice> piperVoices) throws VoiceSelectionException {
        List<Voice> all = new ArrayList<>(piperVoices);
        all.addAll(espeak.voices());
        for (Voice voice : all) {
            if (voice.id().equals(voiceId)) {
                if (!voice.available()) {
                    throw new VoiceUnavailableException(voice);
                }
                return new VoiceSelection.Chosen(engineOf(voice), voice);
            }
        }
        throw new VoiceNotFoundException(voiceId, nearMatches(voiceId, all));
    }

    private List<Voice> defaults(List<Voice> piperVoices) {
        List<Voice> found = new ArrayList<>();
        for (String id : defaultVoices) {
            piperVoices.stream().filter(v -> v.id().equals(id)).findFirst()
                    .or(() -> espeak.voices().stream().filter(v -> v.id().equals(id)).findFirst())
                    .filter(Voice::available)
                    .ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Voice> best(List<Voice> voices, Predicate<Voice> filter) {
        return voices.stream().filter(Voice::available).filter(filter)
                .min(Comparator.comparingInt((Voice v) -> qualityRank(v.quality())).thenComparing(Voice::id));
    }

    private static int qualityRank(String quality) {
        int rank = QUALITY_ORDER.indexOf(quality);
        return rank < 0 ? QUALITY_ORDER.size() : rank;
    }

    private static boolean matchesExactly(Voice voice, LanguageCode requested) {
        return code(voice).map(c -> c.family().equals(requested.family())
                && (requested.region() == null || requested.region().equals(c.region()))).orElse(false);
    }

    private static Optional<LanguageCode> code(Voice voice) {
        return LanguageCode.parse(voice.language());
    }

    private TtsEngine engineOf(Voice voice) {
        return voice.engine().equals(EspeakEngine.NAME) ? espeak : piper;
    }

    private List<String> languages(List<Voice> piperVoices) {
        TreeSet<String> codes = new TreeSet<>(espeak.languageCodes());
        piperVoices.stream().filter(Voice::available).map(Voice::language).filter(Objects::nonNull).forEach(codes::add);
        return List.copyOf(codes);
    }

    /** Ids within a small edit distance, or sharing a prefix with the request, closest first. */
    private static List<String> nearMatches(String requested, List<Voice> voices) {
        String wanted = requested.toLowerCase(Locale.ROOT);
        List<Map.Entry<String, Integer>> scored = new ArrayList<>();
        for (Voice voice : voices) {
            String id = voice.id().toLowerCase(Locale.ROOT);
            int distance = editDistance(wanted, id);
            boolean related = id.startsWith(wanted) || wanted.startsWith(id) || id.contains(wanted);
            if (distance <= Math.max(2, wanted.length() / 4) || related) {
                scored.add(Map.entry(voice.id(), related ? Math.min(distance, 1) : distance));
            }
        }
        scored.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        return scored.stream().limit(MAX_NEAR_MATCHES).map(Map.Entry::getKey).toList();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
