package dev.parley.tts;

import dev.parley.audio.Pcm;
import dev.parley.audio.Wav;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The espeak-ng voices, spoken by the {@code espeak-ng} program: robotic but always there when the
 * package is installed. One voice per entry of espeak-ng's language table, with id
 * {@code espeak-ng:<espeak language>} (e.g. {@code espeak-ng:en-us}); audio is what espeak-ng
 * writes, 22050 Hz mono 16-bit.
 *
 * <p>Thread-safe; every synthesis runs its own process.
 */
public final class EspeakEngine implements TtsEngine {

    public static final String NAME = "espeak-ng";
    public static final String ID_PREFIX = NAME + ":";
    /** espeak-ng's own default speed in words per minute, which rate 1.0 keeps. */
    static final int DEFAULT_WPM = 175;
    static final int MIN_WPM = 80;
    static final int MAX_WPM = 450;
    private static final int SAMPLE_RATE = 22050;

    private final EspeakCommand espeak;
    private final List<Voice> voices;

    public EspeakEngine(EspeakCommand espeak) {
        this.espeak = Objects.requireNonNull(espeak, "espeak");
        List<Voice> all = new ArrayList<>();
        for (String language : espeak.languages().languages()) {
            all.add(voice(language));
        }
        this.voices = List.copyOf(all);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Why espeak-ng cannot speak, e.g. {@code espeak-ng is not installed: apt-get install espeak-ng}. */
    public Optional<String> unavailableReason() {
        return espeak.unavailableReason();
    }

    /** Every espeak-ng voice; empty when espeak-ng is not installed. */
    @Override
    public List<Voice> voices() {
        return voices;
    }

    /**
     * The espeak-ng voice for a language: {@code en_US}/{@code en-US} → {@code espeak-ng:en-us},
     * {@code de_DE} → {@code espeak-ng:de}, {@code en} → espeak-ng's preferred English.
     *
     * @return empty when espeak-ng is unavailable
     * @throws UnknownLanguageException when the code is malformed or espeak-ng does not speak it
     */
    public Optional<Voice> voiceFor(String language) throws UnknownLanguageException {
        if (espeak.unavailableReason().isPresent()) {
            return Optional.empty();
        }
        LanguageCode code = LanguageCode.parse(language)
                .orElseThrow(() -> new UnknownLanguageException(language, true, languageCodes()));
        String espeakLanguage = espeak.languages().resolve(code)
                .orElseThrow(() -> new UnknownLanguageException(language, false, languageCodes()));
        return Optional.of(voice(espeakLanguage));
    }

    /** The codes {@link #voiceFor} accepts, in {@code ll_RR}/{@code ll} form, sorted. */
    public List<String> languageCodes() {
        return List.copyOf(espeak.languages().codes());
    }

    @Override
    public Pcm synthesize(String text, Voice voice, SpeechSettings settings) throws TtsException {
        if (!voice.id().startsWith(ID_PREFIX)) {
            throw new TtsException("not an espeak-ng voice: " + voice.id());
        }
        if (text.isBlank()) {
            return new Pcm(new short[0], SAMPLE_RATE);
        }
        String espeakVoice = voice.id().substring(ID_PREFIX.length());
        byte[] wav = espeak.run(List.of("-v", espeakVoice, "-s", Integer.toString(wordsPerMinute(settings.rate())),
                "-b1", "--stdin", "--stdout"), text);
        try {
            return Wav.decode(wav);
        } catch (IllegalArgumentException e) {
            throw new TtsException("espeak-ng wrote no usable audio: " + e.getMessage(), e);
        }
    }

    /** espeak-ng's speed for a rate: 175 wpm times the rate, within what espeak-ng accepts. */
    static int wordsPerMinute(double rate) {
        return (int) Math.max(MIN_WPM, Math.min(MAX_WPM, Math.round(DEFAULT_WPM * rate)));
    }

    private static Voice voice(String espeakLanguage) {
        String language = LanguageCode.parse(espeakLanguage).map(LanguageCode::toString).orElse(espeakLanguage);
        return new Voice(ID_PREFIX + espeakLanguage, language, NAME, null, SAMPLE_RATE, List.of(), true, null);
    }
}
