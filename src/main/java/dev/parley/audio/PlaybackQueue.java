package dev.parley.audio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The turns waiting to be played, oldest first, shared between the threads that enqueue and stop
 * and the one playback thread that consumes them through {@link #next()}.
 */
final class PlaybackQueue {

    /** What the playback thread should do next. */
    sealed interface Step permits Play, Finish {
        PlaybackTurn turn();
    }

    /** Play this chunk of the turn. */
    record Play(PlaybackTurn turn, PlaybackTurn.Chunk chunk) implements Step {
    }

    /**
     * The turn has no more chunks: it ended or was cancelled. It stays the oldest turn until the
     * playback thread calls {@link #finished}, so a stop meanwhile still cancels it.
     */
    record Finish(PlaybackTurn turn) implements Step {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<PlaybackTurn> turns = new ArrayDeque<>();
    private boolean closed;

    /** A new open turn; ends the newest turn if it is still open. */
    PlaybackTurn begin() {
        lock.lock();
        try {
            PlaybackTurn turn = new PlaybackTurn(this);
            if (closed) {
                cancel(turn);
                return turn;
            }
            PlaybackTurn newest = turns.peekLast();
            if (newest != null) {
                newest.ended = true;
            }
            turns.addLast(turn);
            changed.signalAll();
            return turn;
        } finally {
            lock.unlock();
        }
    }

    boolean add(PlaybackTurn turn, PlaybackTurn.Chunk chunk) {
        lock.lock();
        try {
            if (turn.ended) {
                return false;
            }
            turn.chunks.addLast(chunk);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void end(PlaybackTurn turn) {
        lock.lock();
        try {
            turn.ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Cancels every turn not yet finished, dropping their queued chunks. */
    void stop() {
        lock.lock();
        try {
            turns.forEach(PlaybackQueue::cancel);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Cancels everything and makes {@link #next()} return null; later turns are born cancelled. */
    void close() {
        lock.lock();
        try {
            closed = true;
            turns.forEach(PlaybackQueue::cancel);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until there is something to do; null once closed. */
    Step next() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                PlaybackTurn oldest = turns.peekFirst();
                if (oldest != null) {
                    PlaybackTurn.Chunk chunk = oldest.chunks.pollFirst();
                    if (chunk != null) {
                        return new Play(oldest, chunk);
                    }
                    if (oldest.ended) {
                        return new Finish(oldest);
                    }
                }
                changed.await();
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the turn a {@link Finish} was handed out for. */
    void finished(PlaybackTurn turn) {
        lock.lock();
        try {
            turns.remove(turn);
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to the given time, less if anything changes; returns whether the turn is cancelled. */
    boolean awaitCancelled(PlaybackTurn turn, long millis) throws InterruptedException {
        lock.lock();
        try {
            if (!turn.cancelled) {
                changed.await(millis, TimeUnit.MILLISECONDS);
            }
            return turn.cancelled;
        } finally {
            lock.unlock();
        }
    }

    private static void cancel(PlaybackTurn turn) {
        turn.chunks.clear();
        turn.ended = true;
        turn.cancelled = true;
    }
}
