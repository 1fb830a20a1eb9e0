package dev.parley.tts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * {@code en_US-lessac-medium,de_DE-thorsten-medium}, as {@code Config} reads them. A default that
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
     * @param defaultVoices configured default voice ids in priority order
     */
    public VoiceSelector(PiperEngine piper, EspeakEngine espeak, List<String> defaultVoices) {
        this.piper = Objects.requireNonNull(piper, "piper");
        this.espeak = Objects.requireNonNull(espeak, "espeak");
        this.defaultVoices = List.copyOf(defaultVoices);
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

    /** Ids a few edits away from the request, or sharing most of its beginning, closest first. */
    private static List<String> nearMatches(String requested, List<Voice> voices) {
        Map<String, String> ids = new LinkedHashMap<>();
        voices.forEach(voice -> ids.put(voice.id(), voice.id()));
        return ClosestNames.closest(requested, ids, MAX_NEAR_MATCHES);
    }
}
