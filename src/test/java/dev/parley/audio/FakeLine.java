package dev.parley.audio;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Control;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * A {@link SourceDataLine} of a {@link FakeDevice} that keeps every byte written and logs its state
 * changes ({@code open}, {@code start}, {@code stop}, {@code flush@<bytes written so far>},
 * {@code drain}, {@code close}). Its buffer never blocks a write (unless the device holds writes):
 * {@link #available()} only tells whether unheard audio is buffered.
 */
final class FakeLine implements SourceDataLine {

    private final FakeDevice device;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<String> events = new ArrayList<>();
    private AudioFormat format;
    private int bufferSize;
    private long buffered;
    private boolean open;
    private boolean running;

    FakeLine(FakeDevice device) {
        this.device = device;
    }

    byte[] written() {
        synchronized (device) {
            return written.toByteArray();
        }
    }

    List<String> events() {
        synchronized (device) {
            return List.copyOf(events);
        }
    }

    void emptyBuffer() {
        buffered = 0;
    }

    @Override
    public void open(AudioFormat format, int bufferSize) throws LineUnavailableException {
        synchronized (device) {
            if (device.failure() == FakeDevice.Failure.OPEN_FAILS) {
                throw new LineUnavailableException("device in use");
            }
            this.format = format;
            this.bufferSize = bufferSize;
            open = true;
            events.add("open");
        }
    }

    @Override
    public void open(AudioFormat format) throws LineUnavailableException {
        open(format, (int) format.getSampleRate() / 2 * format.getFrameSize());
    }

    @Override
    public void open() throws LineUnavailableException {
        throw new UnsupportedOperationException("open without a format");
    }

    @Override
    public int write(byte[] bytes, int offset, int length) {
        try {
            device.gate().beforeWrite(length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        synchronized (device) {
            if (!open) {
                throw new IllegalStateException("write to a closed line");
            }
            switch (device.failure()) {
                case WRITES_SHORT -> {
                    return 0;
                }
                case WRITES_THROW -> throw new IllegalStateException("device gone");
                default -> {
                }
            }
            written.write(bytes, offset, length);
            buffered = device.isInstant() ? 0 : buffered + length;
            return length;
        }
    }

    @Override
    public void drain() {
        synchronized (device) {
            events.add("drain");
            buffered = 0;
        }
    }

    @Override
    public void flush() {
        synchronized (device) {
            events.add("flush@" + written.size());
            buffered = 0;
        }
    }

    @Override
    public void start() {
        synchronized (device) {
            events.add("start");
            running = true;
        }
    }

    @Override
    public void stop() {
        synchronized (device) {
            events.add("stop");
            running = false;
        }
    }

    @Override
    public void close() {
        synchronized (device) {
            events.add("close");
            open = false;
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (device) {
            return running;
        }
    }

    @Override
    public boolean isActive() {
        return isRunning();
    }

    @Override
    public boolean isOpen() {
        synchronized (device) {
            return open;
        }
    }

    @Override
    public AudioFormat getFormat() {
        synchronized (device) {
            return format;
        }
    }

    @Override
    public int getBufferSize() {
        synchronized (device) {
            return bufferSize;
        }
    }

    @Override
    public int available() {
        synchronized (device) {
            return (int) Math.max(0, bufferSize - buffered);
        }
    }

    @Override
    public int getFramePosition() {
        return (int) getLongFramePosition();
    }

    @Override
    public long getLongFramePosition() {
        synchronized (device) {
            return (written.size() - buffered) / 2;
        }
    }

    @Override
    public long getMicrosecondPosition() {
        return getLongFramePosition() * 1_000_000L / (long) getFormat().getSampleRate();
    }

    @Override
    public float getLevel() {
        return AudioSystem.NOT_SPECIFIED;
    }

    @Override
    public Line.Info getLineInfo() {
        return new Line.Info(SourceDataLine.class);
    }

    @Override
    public Control[] getControls() {
        return new Control[0];
    }

    @Override
    public boolean isControlSupported(Control.Type control) {
        return false;
    }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException("no controls");
    }

    @Override
    public void addLineListener(LineListener listener) {
    }

    @Override
    public void removeLineListener(LineListener listener) {
    }
}
