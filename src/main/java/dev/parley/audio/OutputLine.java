package dev.parley.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output line of the playback thread, opened for one format at a time. Confined to that thread:
 * no other thread touches the line, so stop and reopen never race a write.
 */
final class OutputLine {

    /** Line buffer: long enough to ride out scheduling hiccups, short enough for a prompt stop. */
    static final int BUFFER_MILLIS = 80;
    /** Write block: the playback thread checks for stop and volume changes between blocks. */
    static final int BLOCK_MILLIS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(OutputLine.class);

    private final LineProvider provider;
    private SourceDataLine line;
    private int sampleRate;
    private boolean running;

    OutputLine(LineProvider provider) {
        this.provider = provider;
    }

    /** Signed 16-bit little-endian mono, the layout of {@link Pcm#toLittleEndianBytes()}. */
    private static AudioFormat formatFor(int sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    static int blockFrames(int sampleRate) {
        return Math.max(1, sampleRate * BLOCK_MILLIS / 1000);
    }

    static int bufferBytes(int sampleRate) {
        return Math.max(1, sampleRate * BUFFER_MILLIS / 1000) * 2;
    }

    boolean isOpen() {
        return line != null;
    }

    boolean isOpenFor(int sampleRate) {
        return line != null && this.sampleRate == sampleRate;
    }

    /**
     * Opens a line for the sample rate, closing the current one (whose buffered audio is lost: play it
     * out first).
     *
     * @throws LineUnavailableException also for the {@link IllegalArgumentException} Java Sound throws
     *     when no device supports the format
     */
    void open(int sampleRate) throws LineUnavailableException {
        close();
        AudioFormat format = formatFor(sampleRate);
        try {
            SourceDataLine candidate = provider.lineFor(format);
            candidate.open(format, bufferBytes(sampleRate));
            line = candidate;
            this.sampleRate = sampleRate;
        } catch (IllegalArgumentException e) {
            throw (LineUnavailableException) new LineUnavailableException(e.getMessage()).initCause(e);
        }
        running = false;
        LOG.debug("opened output line {} Hz, buffer {} bytes", sampleRate, line.getBufferSize());
    }

    /**
     * Writes the bytes, starting the line if needed; blocks while the line buffer is full.
     *
     * @return false if the line failed (wrote short or threw); the line is closed then
     */
    boolean write(byte[] bytes, int length) {
        try {
            if (!running) {
                line.start();
                running = true;
            }
            int written = line.write(bytes, 0, length);
            if (written == length) {
                return true;
            }
            LOG.warn("output line wrote {} of {} bytes", written, length);
        } catch (RuntimeException e) {
            LOG.warn("output line failed", e);
        }
        close();
        return false;
    }

    /** Whether everything written has been played, i.e. the line has run dry (true if none is open). */
    boolean isPlayedOut() {
        return line == null || line.available() >= line.getBufferSize();
    }

    /** Stops the played-out line so an idle device is not kept running; the next write restarts it. */
    void pause() {
        if (running) {
            line.stop();
            running = false;
        }
    }

    /** Silences the line at once, discarding what it still buffers; the next write restarts it. */
    void discard() {
        if (running) {
            line.stop();
            line.flush();
            running = false;
        }
    }

    /** Closes the line, if any, discarding what it still buffers. */
    void close() {
        if (line != null) {
            SourceDataLine closing = line;
            line = null;
            running = false;
            closing.close();
        }
    }
}
