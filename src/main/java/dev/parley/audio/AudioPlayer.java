package dev.parley.audio;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks the chat pipeline's audio chunks through one output line, fed turn by turn.
 *
 * <p><b>Threads.</b> One playback thread, started by {@link #start}, does all the writing and makes
 * every {@link PlaybackListener} call. All public methods are thread-safe, never block on audio and
 * never throw because of the audio device.
 *
 * <p><b>Order.</b> Turns play in the order they were begun, and a turn's chunks in the order they were
 * enqueued. Chunks of the same sample rate follow each other on the open line without draining it, so
 * there is no gap while synthesis keeps ahead. A chunk of another rate waits until the line has played
 * out, then a line for the new rate is opened.
 *
 * <p><b>Stop.</b> {@link #stop()} (barge-in) cancels every turn not yet finished: queued chunks are
 * dropped and the playback thread stops and flushes the line before its next write block, so silence
 * follows within one write block (20 ms of audio) of the call. Each cancelled
 * turn is reported with {@link TurnStats#stopped()}. Turns begun afterwards play normally.
 *
 * <p><b>No device.</b> If no line can be opened, or the open line fails, the listener hears {@link
 * PlaybackListener#onUnavailable} once, the rest of that turn's audio is dropped, and the next turn
 * tries again (a device may have appeared); turns still finish and are reported.
 *
 * <p><b>Terminal state.</b> {@link #close()} cancels everything, silences and closes the line and ends
 * the thread; afterwards turns are born closed and nothing is reported.
 */
public final class AudioPlayer implements AutoCloseable {

    /** Name of the playback thread, the thread that calls the listener. */
    public static final String THREAD_NAME = "audio-playback";

    private static final long CLOSE_WAIT_MILLIS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(AudioPlayer.class);

    private final PlaybackQueue queue = new PlaybackQueue();
    private final VolumeControl volume = new VolumeControl();
    private final Thread thread;

    private AudioPlayer(PlaybackListener listener, LineProvider lines) {
        thread = new Thread(new PlaybackLoop(queue, new OutputLine(lines), volume, listener), THREAD_NAME);
        thread.setDaemon(true);
    }

    /** A player on the system's default output device. */
    public static AudioPlayer start(PlaybackListener listener) {
        return start(listener, LineProvider.SYSTEM);
    }

    /** A player whose lines come from {@code lines}. */
    public static AudioPlayer start(PlaybackListener listener, LineProvider lines) {
        AudioPlayer player = new AudioPlayer(Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(lines, "lines"));
        player.thread.start();
        return player;
    }

    /**
     * Begins a turn that plays after the turns begun before it; a turn still open is ended first.
     * After {@link #close()} the turn returned is already closed.
     */
    public PlaybackTurn beginTurn() {
        return queue.begin();
    }

    /** Barge-in: cancels every unfinished turn and silences the output promptly; returns at once. */
    public void stop() {
        queue.stop();
    }

    /**
     * Sets the linear amplitude factor applied to the samples, from the next write block on.
     *
     * @throws IllegalArgumentException unless {@code 0.0 <= volume <= 1.0}
     */
    public void setVolume(double volume) {
        this.volume.setVolume(volume);
    }

    public double volume() {
        return volume.volume();
    }

    /** While muted, silence is written in place of the audio, which keeps its timing and events. */
    public void setMuted(boolean muted) {
        volume.setMuted(muted);
    }

    public boolean isMuted() {
        return volume.isMuted();
    }

    /**
     * Cancels everything and ends the playback thread, waiting for it unless called from it (i.e.
     * from the listener). Idempotent.
     */
    @Override
    public void close() {
        queue.close();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            LOG.warn("playback thread did not end within {} ms; abandoning it", CLOSE_WAIT_MILLIS);
        }
    }
}
