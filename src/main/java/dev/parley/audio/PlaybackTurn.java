package dev.parley.audio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * One reply's audio, begun with {@link AudioPlayer#beginTurn()}: the chat pipeline enqueues the
 * reply's chunks in speaking order and ends the turn when no more will come. Thread-safe.
 *
 * <p>A turn is open until {@link #end()}, until a newer turn is begun, until {@link AudioPlayer#stop()}
 * or until the player is closed; after that {@link #enqueue} refuses chunks, so chunks a cancelled
 * pipeline still produces after a barge-in are never heard.
 */
public final class PlaybackTurn {

    /** A chunk waiting to be played. */
    record Chunk(Pcm pcm, Object tag) {
    }

    private final PlaybackQueue queue;

    // Guarded by the queue's lock; cancelled is also read without it by the playback thread.
    final Deque<Chunk> chunks = new ArrayDeque<>();
    boolean ended;
    volatile boolean cancelled;

    PlaybackTurn(PlaybackQueue queue) {
        this.queue = queue;
    }

    /**
     * Queues a chunk to play after the ones enqueued before it.
     *
     * @param pcm the audio, at any sample rate (a change of rate reopens the output line)
     * @param tag handed back to {@link PlaybackListener#onChunkStarted} and {@link
     *     PlaybackListener#onChunkFinished}; may be null
     * @return false, dropping the chunk, if the turn is no longer open
     */
    public boolean enqueue(Pcm pcm, Object tag) {
        return queue.add(this, new Chunk(Objects.requireNonNull(pcm, "pcm"), tag));
    }

    /** Declares that no more chunks will come; the turn finishes once its queued audio has played. */
    public void end() {
        queue.end(this);
    }

    boolean isCancelled() {
        return cancelled;
    }
}
