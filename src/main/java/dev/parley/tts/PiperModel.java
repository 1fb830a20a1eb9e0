package dev.parley.tts;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The ONNX Runtime session of one Piper voice, loaded on first use, checked against
 * {@link PiperSignature} and warmed up with a tiny inference.
 *
 * <p>Thread-safe: inferences run concurrently on the shared session; {@link #close} waits for
 * running ones. A load failure is remembered, so a broken model is not loaded again and again.
 */
final class PiperModel implements AutoCloseable {

    private final LibraryVoice voice;
    private final OrtEnvironment environment;
    private final int intraOpThreads;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private OrtSession.SessionOptions options;
    private volatile OrtSession session;
    private boolean hasSpeakerInput;
    private String failure;
    private boolean closed;

    PiperModel(LibraryVoice voice, OrtEnvironment environment, int intraOpThreads) {
        this.voice = voice;
        this.environment = environment;
        this.intraOpThreads = intraOpThreads;
    }

    LibraryVoice voice() {
        return voice;
    }

    /** Loads the session if needed; a {@link ModelLoadException} means the model itself is unusable. */
    synchronized void load() throws ModelLoadException, TtsException {
        if (closed) {
            throw new TtsException("the Piper engine is closed");
        }
        if (failure != null) {
            throw new ModelLoadException(failure);
        }
        if (session != null) {
            return;
        }
        try {
            options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            // Piper's own settings: optimisation roughly doubles load time for no visible gain.
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            OrtSession loaded = environment.createSession(voice.model().toString(), options);
            String mismatch = PiperSignature.problem(loaded.getInputNames(), loaded.getOutputNames(),
                    voice.config().numSpeakers()).orElse(null);
            if (mismatch != null) {
                loaded.close();
                throw new ModelLoadException(mismatch);
            }
            hasSpeakerInput = loaded.getInputNames().contains(PiperSignature.SPEAKER);
            session = loaded;
            try {
                long[] bosPadEos = voice.config().phonemeIds().encode("");
                infer(bosPadEos, new float[] {0.667f, 1f, 0.8f}, hasSpeakerInput ? 0L : null);
            } catch (TtsException e) {
                throw new ModelLoadException(e.getMessage());
            }
        } catch (OrtException e) {
            failure = "ONNX Runtime cannot " + (session == null ? "load" : "run") + " it: " + e.getMessage();
            closeSession();
            throw new ModelLoadException(failure);
        } catch (ModelLoadException e) {
            failure = e.getMessage();
            closeSession();
            throw e;
        }
    }

    boolean hasSpeakerInput() {
        return hasSpeakerInput;
    }

    /**
     * Runs the model on one sentence.
     *
     * @param sid the speaker for a model with a {@code sid} input, else {@code null}
     * @return the raw float audio, whatever the output's rank
     */
    float[] infer(long[] ids, float[] scales, Long sid) throws OrtException, TtsException {
        lock.readLock().lock();
        try {
            OrtSession current = session;
            if (current == null) {
                throw new TtsException("the model of " + voice.id() + " is not loaded");
            }
            Map<String, OnnxTensor> inputs = new HashMap<>();
            try {
                inputs.put(PiperSignature.INPUT, longs(ids, 1, ids.length));
                inputs.put(PiperSignature.INPUT_LENGTHS, longs(new long[] {ids.length}, 1));
                inputs.put(PiperSignature.SCALES, OnnxTensor.createTensor(environment, FloatBuffer.wrap(scales), new long[] {3}));
                if (sid != null) {
                    inputs.put(PiperSignature.SPEAKER, longs(new long[] {sid}, 1));
                }
                try (OrtSession.Result result = current.run(inputs, Set.of(PiperSignature.OUTPUT))) {
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
        } finally {
            lock.readLock().unlock();
        }
    }

    private OnnxTensor longs(long[] values, long... shape) throws OrtException {
        return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape);
    }

    /** Closes the session once running inferences are done; later calls fail. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        closeSession();
    }

    private void closeSession() {
        lock.writeLock().lock();
        try {
            if (session != null) {
                session.close();
            }
            if (options != null) {
                options.close();
            }
        } catch (OrtException e) {
            // Closing releases native memory; a failure leaves nothing to recover.
        } finally {
            session = null;
            options = null;
            lock.writeLock().unlock();
        }
    }

    /** The model file cannot serve as a Piper voice. */
    static final class ModelLoadException extends Exception {
        ModelLoadException(String message) {
            super(message);
        }
    }
}
