package dev.parley.audio;

import javax.sound.sampled.LineUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the playback thread: takes steps from the queue, writes chunks to the output line in
 * blocks, keeps per-turn statistics and tells the listener. Owns the {@link OutputLine}.
 */
final class PlaybackLoop implements Runnable {

    /** How often a play-out wait looks at the line; a stop interrupts the wait at once. */
    private static final long PLAY_OUT_POLL_MILLIS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackLoop.class);

    private final PlaybackQueue queue;
    private final OutputLine output;
    private final VolumeControl volume;
    private final PlaybackListener listener;

    private PlaybackTurn turn;
    private int chunksPlayed;
    private long bytesPlayed;
    private int underruns;
    /** Output could not be had in this turn: its remaining audio is dropped, a later turn retries. */
    private boolean outputLostInTurn;
    /** Unavailability was reported and no line has opened since. */
    private boolean unavailableReported;

    PlaybackLoop(PlaybackQueue queue, OutputLine output, VolumeControl volume, PlaybackListener listener) {
        this.queue = queue;
        this.output = output;
        this.volume = volume;
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            for (PlaybackQueue.Step step = queue.next(); step != null; step = queue.next()) {
                enter(step.turn());
                if (step instanceof PlaybackQueue.Play play) {
                    play(play.chunk());
                } else {
                    finish();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            output.close();
        }
    }

    private void enter(PlaybackTurn next) {
        if (next != turn) {
            turn = next;
            chunksPlayed = 0;
            bytesPlayed = 0;
            underruns = 0;
            outputLostInTurn = false;
        }
    }

    private void play(PlaybackTurn.Chunk chunk) throws InterruptedException {
        if (outputLostInTurn) {
            return;
        }
        int sampleRate = chunk.pcm().sampleRate();
        if (!output.isOpenFor(sampleRate)) {
            if (!playOut()) {
                output.discard();
                return;
            }
            if (!open(sampleRate)) {
                return;
            }
        } else if (chunksPlayed > 0 && output.isPlayedOut()) {
            underruns++;
        }
        tell(() -> listener.onChunkStarted(chunk.tag()));
        short[] samples = chunk.pcm().samples();
        int blockFrames = OutputLine.blockFrames(sampleRate);
        byte[] block = new byte[blockFrames * 2];
        for (int from = 0; from < samples.length; from += blockFrames) {
            if (turn.isCancelled()) {
                output.discard();
                return;
            }
            int to = Math.min(from + blockFrames, samples.length);
            SoftwareGain.encode(samples, from, to, volume.gain(), block);
            if (!output.write(block, (to - from) * 2)) {
                lose("audio output failed");
                return;
            }
            bytesPlayed += (to - from) * 2L;
        }
        if (turn.isCancelled()) {
            output.discard();
            return;
        }
        chunksPlayed++;
        tell(() -> listener.onChunkFinished(chunk.tag()));
    }

    private void finish() throws InterruptedException {
        boolean stopped = turn.isCancelled() || !playOut();
        if (stopped) {
            output.discard();
        } else {
            output.pause();
        }
        TurnStats stats = new TurnStats(chunksPlayed, bytesPlayed, underruns, stopped);
        PlaybackTurn finished = turn;
        tell(() -> listener.onTurnFinished(finished, stats));
        queue.finished(finished);
    }

    /** Waits until the line has played what it buffers; false if the turn is cancelled first. */
    private boolean playOut() throws InterruptedException {
        while (!output.isPlayedOut()) {
            if (queue.awaitCancelled(turn, PLAY_OUT_POLL_MILLIS)) {
                return false;
            }
        }
        return !turn.isCancelled();
    }

    private boolean open(int sampleRate) {
        try {
            output.open(sampleRate);
            unavailableReported = false;
            return true;
        } catch (LineUnavailableException e) {
            lose("no audio output: " + e.getMessage());
            return false;
        }
    }

    /** Drops the rest of the turn's audio; reports only the first loss of an outage. */
    private void lose(String reason) {
        outputLostInTurn = true;
        if (unavailableReported) {
            LOG.debug("still {}", reason);
            return;
        }
        LOG.warn("{}; dropping audio until a later turn can open a line", reason);
        unavailableReported = true;
        tell(() -> listener.onUnavailable(reason));
    }

    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("playback listener failed", e);
        }
    }
}
