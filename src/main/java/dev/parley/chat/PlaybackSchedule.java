package dev.parley.chat;

/**
 * How a reply would sound to a listener who plays each audio chunk in real time as soon as it
 * arrives: chunk k starts at {@code max(arrival k, end of chunk k-1)}. An underrun is a chunk that
 * arrives after the previous one has finished playing, an audible gap in the middle of the reply;
 * waiting for the first chunk is not one. The pipeline counts them for every turn, whatever front
 * end listens, so the {@code complete} metrics and the benchmark report the same figure.
 *
 * <p>Not thread-safe: the caller serializes {@link #arrived} (the turn does, under its lock).
 */
final class PlaybackSchedule {

    private long playedUntilNanos;
    private int chunks;
    private int underruns;

    /**
     * A chunk became available to the listener.
     *
     * @param arrivalNanos when, on {@link System#nanoTime()}'s clock
     * @param durationNanos how long it plays
     */
    void arrived(long arrivalNanos, long durationNanos) {
        if (chunks > 0 && arrivalNanos > playedUntilNanos) {
            underruns++;
        }
        playedUntilNanos = Math.max(arrivalNanos, playedUntilNanos) + durationNanos;
        chunks++;
    }

    int underruns() {
        return underruns;
    }
}
