package dev.parley.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records what a player reports as short strings ({@code started <tag>}, {@code finished <tag>},
 * {@code turn done}, {@code turn stopped}, {@code unavailable}) and lets a test wait for them.
 */
final class RecordingListener implements PlaybackListener {

    /** Guards against hanging when an expected event never comes; not a performance bound. */
    static final long WAIT_MILLIS = 10_000;

    private final List<String> events = new ArrayList<>();
    private final List<PlaybackTurn> turns = new ArrayList<>();
    private final List<TurnStats> stats = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @Override
    public void onChunkStarted(Object tag) {
        record("started " + tag);
    }

    @Override
    public void onChunkFinished(Object tag) {
        record("finished " + tag);
    }

    @Override
    public synchronized void onTurnFinished(PlaybackTurn turn, TurnStats stats) {
        turns.add(turn);
        this.stats.add(stats);
        record(stats.stopped() ? "turn stopped" : "turn done");
    }

    @Override
    public synchronized void onUnavailable(String reason) {
        reasons.add(reason);
        record("unavailable");
    }

    private synchronized void record(String event) {
        events.add(event);
        threads.add(Thread.currentThread());
        notifyAll();
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized List<PlaybackTurn> turns() {
        return List.copyOf(turns);
    }

    synchronized List<TurnStats> stats() {
        return List.copyOf(stats);
    }

    synchronized List<String> reasons() {
        return List.copyOf(reasons);
    }

    synchronized List<Thread> threads() {
        return List.copyOf(threads);
    }

    /** Waits until {@code event} has been recorded {@code times} times in all. */
    void await(String event, int times) throws InterruptedException {
        awaitEvents(recorded -> recorded.stream().filter(event::equals).count() >= times,
                event + " x" + times);
    }

    void await(String event) throws InterruptedException {
        await(event, 1);
    }

    /** Waits until {@code count} turns have finished. */
    void awaitTurns(int count) throws InterruptedException {
        awaitEvents(recorded -> recorded.stream().filter(e -> e.startsWith("turn ")).count() >= count,
                count + " turns");
    }

    private synchronized void awaitEvents(Predicate<List<String>> done, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!done.test(events)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("gave up waiting for " + what + "; events: " + events);
            }
            wait(left);
        }
    }
}
