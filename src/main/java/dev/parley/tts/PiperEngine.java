package dev.parley.tts;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.parley.audio.Pcm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Piper neural voices on ONNX Runtime, as Piper speaks them: text → phonemes per sentence
 * (espeak-ng, or the text's own code points for {@code phoneme_type: text}) → ids → one inference
 * per sentence → peak-normalised 16-bit samples, the sentences of a chunk concatenated with no
 * silence added (the models end sentences with their own), at the voice's sample rate. A sentence
 * of more than {@value #MAX_PHONEMES} phonemes is cut at a space (preferably after a comma) and
 * its pieces inferred one by one, so that a runaway sentence or token cannot make one huge
 * inference.
 *
 * <p>Inference inputs: {@code scales} = [noise_scale, length_scale / rate, noise_w] from the
 * voice's config, so rate 2.0 halves the length. {@code sid} is fed when the model has that input:
 * the speaker named by {@link SpeechSettings#speaker()} (a name from {@code speaker_id_map} or a
 * numeric id); none, or one the voice does not have, means the first speaker (the latter logged as
 * a warning once per voice and speaker).
 *
 * <p>One session per voice, loaded on first use and shared by all threads. When the library's
 * rescan finds a voice's files replaced or deleted, its session is closed as soon as the chunks
 * running on it are done, and a replaced voice loads its new files (with their config) for the next
 * chunk; a chunk that meets files changed since the last scan rescans first. {@link #close()}
 * releases every session once its chunks are done; synthesis fails afterwards. A model ONNX Runtime
 * rejects makes the voice unavailable; a load that fails otherwise is tried again with the next chunk.
 */
public final class PiperEngine implements TtsEngine, AutoCloseable {

    public static final String NAME = "piper";
    /** Phonemes per inference at most: about 800 ids, a long sentence's worth. */
    static final int MAX_PHONEMES = 400;

    private static final Logger LOG = LoggerFactory.getLogger(PiperEngine.class);

    private final VoiceLibrary library;
    private final EspeakPhonemizer phonemizer;
    private final int intraOpThreads;
    private final PiperModel.SessionOpener opener;
    /** By {@link LibraryVoice#version()}; a model leaves the map when it is retired. */
    private final Map<String, PiperModel> models = new HashMap<>();
    private final Set<String> warnedSpeakers = ConcurrentHashMap.newKeySet();
    private boolean closed;

    /**
     * @param intraOpThreads ONNX Runtime threads per inference, e.g. {@link #defaultIntraOpThreads()}
     */
    public PiperEngine(VoiceLibrary library, EspeakPhonemizer phonemizer, int intraOpThreads) {
        // A lambda, not OrtEnvironment.getEnvironment()::createSession, which would load ONNX Runtime's
        // native library now: about half a second of every start, even without a Piper voice.
        this(library, phonemizer, intraOpThreads,
                (modelPath, options) -> OrtEnvironment.getEnvironment().createSession(modelPath, options));
    }

    PiperEngine(VoiceLibrary library, EspeakPhonemizer phonemizer, int intraOpThreads, PiperModel.SessionOpener opener) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1: " + intraOpThreads);
        }
        this.library = Objects.requireNonNull(library, "library");
        this.phonemizer = Objects.requireNonNull(phonemizer, "phonemizer");
        this.intraOpThreads = intraOpThreads;
        this.opener = Objects.requireNonNull(opener, "opener");
        library.onRescan(this::retireAllBut);
    }

    /** Half the cores, at least one: leaves room for the UI, the server and espeak-ng. */
    public static int defaultIntraOpThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The library's voices. Voices that need espeak-ng for phonemes are unavailable while it is
     * missing.
     */
    @Override
    public List<Voice> voices() {
        List<Voice> voices = new ArrayList<>();
        String espeakMissing = phonemizer.unavailableReason().orElse(null);
        for (LibraryVoice entry : library.current()) {
            Voice voice = entry.toVoice();
            if (voice.available() && espeakMissing != null && !entry.config().textPhonemes()) {
                voice = new Voice(voice.id(), voice.language(), voice.engine(), voice.quality(), voice.sampleRate(),
                        voice.speakers(), false, "needs espeak-ng for phonemes: " + espeakMissing);
            }
            voices.add(voice);
        }
        return voices;
    }

    @Override
    public Pcm synthesize(String text, Voice voice, SpeechSettings settings) throws TtsException {
        try {
            return synthesize(text, entry(voice.id()), settings);
        } catch (PiperModel.StaleFilesException e) {
            LOG.info("Piper voice {} changed on disk since the last scan; rescanning", voice.id());
            library.current();
            try {
                return synthesize(text, entry(voice.id()), settings);
            } catch (PiperModel.StaleFilesException again) {
                throw new TtsException("Piper voice " + voice.id() + " is changing on disk; try again when it is complete");
            }
        }
    }

    private LibraryVoice entry(String id) throws TtsException {
        return library.find(id).orElseThrow(() -> new TtsException("no Piper voice " + id));
    }

    private Pcm synthesize(String text, LibraryVoice entry, SpeechSettings settings)
            throws TtsException, PiperModel.StaleFilesException {
        if (entry.problem() != null) {
            throw new TtsException("Piper voice " + entry.id() + " is unusable: " + entry.problem());
        }
        try (PiperModel.Use use = use(entry)) {
            PiperModel model = use.model();
            try {
                model.load();
            } catch (PiperModel.ModelLoadException e) {
                retire(model);
                library.markBroken(entry, e.getMessage());
                throw new TtsException("Piper voice " + entry.id() + " is unusable: " + e.getMessage());
            } catch (PiperModel.StaleFilesException e) {
                retire(model);
                throw e;
            }
            return speak(text, entry, model, settings);
        }
    }

    private Pcm speak(String text, LibraryVoice entry, PiperModel model, SpeechSettings settings) throws TtsException {
        PiperVoiceConfig config = entry.config();
        List<String> sentences = config.textPhonemes()
                ? TextPhonemes.of(text)
                : phonemizer.phonemize(text, config.espeakVoice());
        float[] scales = {config.noiseScale(), (float) (config.lengthScale() / settings.rate()), config.noiseW()};
        Long speaker = model.hasSpeakerInput() ? (long) speakerId(entry, settings.speaker()) : null;
        List<short[]> parts = new ArrayList<>();
        int total = 0;
        for (String sentence : inferences(sentences)) {
            long[] ids = config.phonemeIds().encode(sentence);
            try {
                short[] part = PiperAudio.toPcm16(model.infer(ids, scales, speaker));
                parts.add(part);
                total += part.length;
            } catch (OrtException e) {
                throw new TtsException("Piper voice " + entry.id() + " failed: " + e.getMessage(), e);
            }
        }
        short[] samples = new short[total];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, samples, at, part.length);
            at += part.length;
        }
        return new Pcm(samples, config.sampleRate());
    }

    /** Releases every session once the chunks running on it are done; synthesis fails afterwards. */
    @Override
    public void close() {
        List<PiperModel> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(models.values());
            models.clear();
        }
        open.forEach(PiperModel::retire);
    }

    /** The model currently serving a voice, if one was made; for tests. */
    synchronized Optional<PiperModel> model(String voiceId) {
        return models.values().stream().filter(model -> model.voice().id().equals(voiceId)).findFirst();
    }

    /** The sentences, those over {@link #MAX_PHONEMES} cut into pieces; no empty ones. */
    static List<String> inferences(List<String> sentences) {
        List<String> pieces = new ArrayList<>();
        for (String sentence : sentences) {
            if (!sentence.isEmpty()) {
                pieces.addAll(TextPieces.cut(sentence, MAX_PHONEMES, phoneme -> 1));
            }
        }
        return pieces;
    }

    private int speakerId(LibraryVoice entry, String speaker) {
        Map<String, Integer> speakers = entry.config().speakers();
        int first = speakers.isEmpty() ? 0 : speakers.values().iterator().next();
        if (speaker == null || speaker.isBlank()) {
            return first;
        }
        Integer byName = speakers.get(speaker);
        if (byName != null) {
            return byName;
        }
        try {
            int id = Integer.parseInt(speaker.strip());
            if (id >= 0 && id < entry.config().numSpeakers()) {
                return id;
            }
        } catch (NumberFormatException e) {
            // not a number either: falls through to the first speaker
        }
        if (warnedSpeakers.add(entry.id() + "\n" + speaker)) {
            LOG.warn("Piper voice {} has no speaker '{}'; using the first speaker (speakers: {})", entry.id(),
                    speaker, entry.config().speakerNames());
        }
        return first;
    }

    /** Starts a use of the model for this version of the voice, made if there is none yet. */
    private synchronized PiperModel.Use use(LibraryVoice entry) throws TtsException {
        if (closed) {
            throw new TtsException("the Piper engine is closed");
        }
        return models.computeIfAbsent(entry.version(),
                version -> new PiperModel(entry, OrtEnvironment.getEnvironment(), opener, intraOpThreads)).use();
    }

    private void retire(PiperModel model) {
        synchronized (this) {
            models.remove(model.voice().version(), model);
        }
        model.retire();
    }

    /** After a rescan: retires the models of voice versions the library no longer has. */
    private void retireAllBut(List<LibraryVoice> current) {
        Set<String> versions = current.stream().map(LibraryVoice::version).collect(Collectors.toSet());
        List<PiperModel> gone = new ArrayList<>();
        synchronized (this) {
            models.values().removeIf(model -> !versions.contains(model.voice().version()) && gone.add(model));
        }
        if (!gone.isEmpty()) {
            LOG.info("Closing the Piper voices whose files changed or went: {}",
                    gone.stream().map(model -> model.voice().id()).toList());
        }
        gone.forEach(PiperModel::retire);
    }
}
