package dev.parley.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When the scripted provider received each request and wrote each of its tokens, on
 * {@link System#nanoTime()}'s clock. Provider and clients share one process, so a client compares
 * these with its own arrival times without any clock synchronisation. Thread-safe.
 */
final class SendLog {

    private final List<AtomicLongArray> turns = new CopyOnWriteArrayList<>();

    /** A request arrived that will be answered with {@code tokens} tokens; returns its turn number. */
    synchronized int begin(long receivedNanos, int tokens) {
        AtomicLongArray times = new AtomicLongArray(tokens + 1);
        times.set(0, receivedNanos);
        turns.add(times);
        return turns.size() - 1;
    }

    /** Token {@code index} of turn {@code turn} is being written now. */
    void sent(int turn, int index, long nanos) {
        turns.get(turn).set(index + 1, nanos);
    }

    long received(int turn) {
        return turns.get(turn).get(0);
    }

    long sent(int turn, int index) {
        return turns.get(turn).get(index + 1);
    }
}
