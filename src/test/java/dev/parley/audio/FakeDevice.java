package dev.parley.audio;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * An in-memory audio device handing out {@link FakeLine}s. Either it plays instantly (a line's buffer
 * empties as soon as it is written, like ALSA's null device), or the test decides when the buffered
 * audio has been heard with {@link #playOut()}. It can also refuse lines, fail writes, and hold the
 * writer (like a full line buffer) at a chosen point with its {@link #gate()}.
 */
final class FakeDevice implements LineProvider {

    enum Failure { NONE, NO_MATCHING_LINE, LINE_UNAVAILABLE, OPEN_FAILS, WRITES_SHORT, WRITES_THROW }

    private final boolean instant;
    private final List<FakeLine> lines = new ArrayList<>();
    private Failure failure = Failure.NONE;
    private final WriteGate gate = new WriteGate();
    private int lineRequests;

    private FakeDevice(boolean instant) {
        this.instant = instant;
    }

    /** Buffers empty as soon as they are written. */
    static FakeDevice instant() {
        return new FakeDevice(true);
    }

    /** Buffers empty only on {@link #playOut()}. */
    static FakeDevice manual() {
        return new FakeDevice(false);
    }

    @Override
    public synchronized SourceDataLine lineFor(AudioFormat format) throws LineUnavailableException {
        lineRequests++;
        switch (failure) {
            case NO_MATCHING_LINE -> throw new IllegalArgumentException("No line matching " + format);
            case LINE_UNAVAILABLE -> throw new LineUnavailableException("device busy");
            default -> {
                FakeLine line = new FakeLine(this);
                lines.add(line);
                return line;
            }
        }
    }

    synchronized void fail(Failure failure) {
        this.failure = failure;
    }

    synchronized Failure failure() {
        return failure;
    }

    synchronized int lineRequests() {
        return lineRequests;
    }

    synchronized List<FakeLine> lines() {
        return List.copyOf(lines);
    }

    synchronized FakeLine onlyLine() {
        if (lines.size() != 1) {
            throw new AssertionError("expected one line, got " + lines.size());
        }
        return lines.get(0);
    }

    boolean isInstant() {
        return instant;
    }

    /** Everything buffered in every line has been heard. */
    synchronized void playOut() {
        lines.forEach(FakeLine::emptyBuffer);
    }

    /** Holds writes to this device's lines; see {@link WriteGate}. */
    WriteGate gate() {
        return gate;
    }
}
