package dev.parley.testing;

import dev.parley.audio.LineProvider;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;

/**
 * An audio device for window tests: its lines keep every byte written and take as long to accept
 * audio as it lasts, like a sound card, so a test can interrupt speech mid-way and see that no byte
 * is written after the stop.
 */
public final class PacedLines implements LineProvider {

    private final ByteArrayOutputStream played = new ByteArrayOutputStream();
    private volatile long lastActivityNanos;

    /** Every byte written to any line so far. */
    public synchronized byte[] played() {
        return played.toByteArray();
    }

    /** When a line last finished a write or was flushed, as {@link System#nanoTime()}; 0 before. */
    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    @Override
    public SourceDataLine lineFor(AudioFormat format) {
        int bytesPerSecond = (int) format.getSampleRate() * format.getFrameSize();
        boolean[] open = {false};
        int[] bufferSize = {bytesPerSecond / 10};
        return (SourceDataLine) Proxy.newProxyInstance(SourceDataLine.class.getClassLoader(),
                new Class<?>[] {SourceDataLine.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "open" -> {
                            open[0] = true;
                            if (args != null && args.length == 2) {
                                bufferSize[0] = (Integer) args[1];
                            }
                            return null;
                        }
                        case "write" -> {
                            int length = (Integer) args[2];
                            Thread.sleep(length * 1000L / bytesPerSecond);
                            synchronized (this) {
                                played.write((byte[]) args[0], (Integer) args[1], length);
                            }
                            lastActivityNanos = System.nanoTime();
                            return length;
                        }
                        case "flush" -> {
                            lastActivityNanos = System.nanoTime();
                            return null;
                        }
                        case "isOpen" -> {
                            return open[0];
                        }
                        case "close" -> {
                            open[0] = false;
                            return null;
                        }
                        case "getFormat" -> {
                            return format;
                        }
                        case "getBufferSize" -> {
                            return bufferSize[0];
                        }
                        case "available" -> {
                            return bufferSize[0];
                        }
                        case "isRunning", "isActive" -> {
                            return open[0];
                        }
                        case "getFramePosition" -> {
                            return 0;
                        }
                        case "getLongFramePosition", "getMicrosecondPosition" -> {
                            return 0L;
                        }
                        case "getLevel" -> {
                            return 0f;
                        }
                        case "isControlSupported" -> {
                            return false;
                        }
                        case "getControls" -> {
                            return new javax.sound.sampled.Control[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "toString" -> {
                            return "PacedLine[" + format + "]";
                        }
                        default -> {
                            return null;
                        }
                    }
                });
    }
}
