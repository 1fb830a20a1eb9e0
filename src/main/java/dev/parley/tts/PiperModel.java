package dev.parley.tts;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtException.OrtErrorCode;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONNX Runtime session of one version of a Piper voice (its files as the library scanned them),
 * loaded on first use, checked against {@link PiperSignature} and warmed up with a tiny inference.
 *
 * <p>Lifecycle: a synthesis holds a {@link Use} for its whole chunk; the engine {@link #retire}s the
 * model when the voice's files change or disappear, or when it closes. The session is closed when
 * the last use of a retired model ends, so a chunk in progress completes on the model it started on.
 *
 * <p>Load failures: {@link ModelLoadException} when the model itself is unusable (ONNX Runtime
 * rejects the file or its graph, or its inputs or output do not fit); {@link StaleFilesException}
 * when the files changed since the scan, so that the scanned config may not fit the model there now;
 * any other failure (e.g. ONNX Runtime out of memory) is a {@link TtsException}, logged, and the next
 * chunk loads again.
 *
 * <p>Thread-safe: inferences run concurrently on the shared session.
 */
final class PiperModel {

    /** Opens a session from a model file: ONNX Runtime's, or a test's. */
    @FunctionalInterface
    interface SessionOpener {
        OrtSession open(String modelPath, OrtSession.SessionOptions options) throws OrtException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(PiperModel.class);

    /** What ONNX Runtime says about a file or graph it cannot take; other codes may pass. */
    private static final Set<OrtErrorCode> UNUSABLE = EnumSet.of(OrtErrorCode.ORT_NO_MODEL,
            OrtErrorCode.ORT_INVALID_PROTOBUF, OrtErrorCode.ORT_INVALID_GRAPH, OrtErrorCode.ORT_NOT_IMPLEMENTED,
            OrtErrorCode.ORT_MODEL_REQUIRES_COMPILATION);

    private final LibraryVoice voice;
    private final OrtEnvironment environment;
    private final SessionOpener opener;
    private final int intraOpThreads;
    /** Held while loading, so that only one thread loads; {@code this} guards the fields below. */
    private final Object loading = new Object();
    private OrtSession.SessionOptions options;
    private OrtSession session;
    private boolean hasSpeakerInput;
    private int users;
    private boolean retired;

    PiperModel(LibraryVoice voice, OrtEnvironment environment, SessionOpener opener, int intraOpThreads) {
        this.voice = voice;
        this.environment = environment;
        this.opener = opener;
        this.intraOpThreads = intraOpThreads;
    }

    LibraryVoice voice() {
        return voice;
    }

    /** Starts a use; the engine hands out only models it has not retired. */
    synchronized Use use() {
        if (retired) {
            throw new IllegalStateException("the model of " + voice.id() + " is retired");
        }
        users++;
        return new Use();
    }

    /** No new uses follow; the session closes now, or when the last running use ends. */
    void retire() {
        boolean idle;
        synchronized (this) {
            retired = true;
            idle = users == 0;
        }
        if (idle) {
            closeSession();
        }
    }

    /** Whether a session is open; for tests. */
    synchronized boolean loaded() {
        return session != null;
    }

    /** Loads the session if needed; call while holding a {@link Use}. */
    void load() throws ModelLoadException, StaleFilesException, TtsException {
        synchronized (loading) {
            synchronized (this) {
                if (session != null) {
                    return;
                }
            }
            if (voice.filesChanged()) {
                throw new StaleFilesException();
            }
            OrtSession.SessionOptions newOptions = null;
            OrtSession opened = null;
            boolean running = false;
            try {
                newOptions = new OrtSession.SessionOptions();
                newOptions.setIntraOpNumThreads(intraOpThreads);
                // Piper's own settings: optimisation roughly doubles load time for no audible gain.
                newOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                newOptions.setCPUArenaAllocator(false);
                newOptions.setMemoryPatternOptimization(false);
                opened = opener.open(voice.model().toString(), newOptions);
                if (voice.filesChanged()) {
                    throw new StaleFilesException();
                }
                String mismatch = PiperSignature.problem(opened.getInputNames(), opened.getOutputNames(),
                        voice.config().numSpeakers()).orElse(null);
                if (mismatch != null) {
                    throw new ModelLoadException(mismatch);
                }
                boolean speaker = opened.getInputNames().contains(PiperSignature.SPEAKER);
                running = true;
                try {
                    run(opened, voice.config().phonemeIds().encode(""), new float[] {0.667f, 1f, 0.8f}, speaker ? 0L : null);
                } catch (TtsException e) {
                    throw new ModelLoadException(e.getMessage());
                }
                synchronized (this) {
                    session = opened;
                    options = newOptions;
                    hasSpeakerInput = speaker;
                }
                opened = null;
                newOptions = null;
            } catch (OrtException e) {
                if (voice.filesChanged()) {
                    throw new StaleFilesException();
                }
                String failure = "ONNX Runtime cannot " + (running ? "run" : "load") + " it: " + e.getMessage();
                if (UNUSABLE.contains(e.getCode()) || (running && e.getCode() == OrtErrorCode.ORT_INVALID_ARGUMENT)) {
                    throw new ModelLoadException(failure);
                }
                LOG.warn("Piper voice {} failed to load, trying again with the next chunk: {}", voice.id(), failure);
                throw new TtsException("Piper voice " + voice.id() + " failed to load: " + failure, e);
            } finally {
                close(opened, newOptions);
            }
        }
    }

    synchronized boolean hasSpeakerInput() {
        return hasSpeakerInput;
    }

    /**
     * Runs the loaded model on one sentence; call while holding a {@link Use}, after {@link #load}.
     *
     * @param sid the speaker for a model with a {@code sid} input, else {@code null}
     * @return the raw float audio, whatever the output's rank
     */
    float[] infer(long[] ids, float[] scales, Long sid) throws OrtException, TtsException {
        OrtSession current;
        synchronized (this) {
            current = session;
        }
        if (current == null) {
            throw new TtsException("the model of " + voice.id() + " is not loaded");
        }
        return run(current, ids, scales, sid);
    }

    private float[] run(OrtSession on, long[] ids, float[] scales, Long sid) throws OrtException, TtsException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(PiperSignature.INPUT, longs(ids, 1, ids.length));
            inputs.put(PiperSignature.INPUT_LENGTHS, longs(new long[] {ids.length}, 1));
            inputs.put(PiperSignature.SCALES, OnnxTensor.createTensor(environment, FloatBuffer.wrap(scales), new long[] {3}));
            if (sid != null) {
                inputs.put(PiperSignature.SPEAKER, longs(new long[] {sid}, 1));
            }
            try (OrtSession.Result result = on.run(inputs, Set.of(PiperSignature.OUTPUT))) {
                OnnxValue output = result.get(0);
                if (!(output instanceof OnnxTensor tensor)) {
                    throw new TtsException("the model of " + voice.id() + " returned no tensor");
                }
                FloatBuffer buffer = tensor.getFloatBuffer();
                if (buffer == null) {
                    throw new TtsException("the model of " + voice.id() + " returned no float audio");
                }
                float[] audio = new float[buffer.remaining()];
                buffer.get(audio);
                return audio;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor longs(long[] values, long... shape) throws OrtException {
        return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape);
    }

    private void release() {
        boolean idle;
        synchronized (this) {
            users--;
            idle = retired && users == 0;
        }
        if (idle) {
            closeSession();
        }
    }

    /** Only once retired and unused, so no inference runs on the session. */
    private void closeSession() {
        OrtSession closing;
        OrtSession.SessionOptions closingOptions;
        synchronized (this) {
            closing = session;
            closingOptions = options;
            session = null;
            options = null;
        }
        close(closing, closingOptions);
    }

    private static void close(OrtSession session, OrtSession.SessionOptions options) {
        try {
            if (session != null) {
                session.close();
            }
        } catch (OrtException e) {
            // Closing releases native memory; a failure leaves nothing to recover.
        } finally {
            if (options != null) {
                options.close();
            }
        }
    }

    /** One chunk's hold on the model: its session stays open until the use is closed (once). */
    final class Use implements AutoCloseable {

        private Use() {
        }

        PiperModel model() {
            return PiperModel.this;
        }

        @Override
        public void close() {
            release();
        }
    }

    /** The model file cannot serve as a Piper voice. */
    static final class ModelLoadException extends Exception {
        ModelLoadException(String message) {
            super(message);
        }
    }

    /** The voice's files changed since the library scanned them. */
    static final class StaleFilesException extends Exception {
        StaleFilesException() {
            super(null, null, false, false);
        }
    }
}
