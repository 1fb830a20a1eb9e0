package dev.parley.audio;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;

/**
 * Barge-in latency, a benchmark (run its {@code main}; surefire does not): time from
 * {@link AudioPlayer#stop()} until the player has stopped writing to a line that plays in real
 * time, over 20 trials. What a person hears also includes the device's own buffer.
 */
public final class BargeInBench {

    private BargeInBench() {
    }

    public static void main(String[] args) throws Exception {
        double[] millis = new double[20];
        for (int trial = 0; trial < millis.length; trial++) {
            AtomicLong lastWriteEnd = new AtomicLong();
            AtomicLong flushed = new AtomicLong();
            AudioPlayer player = AudioPlayer.start(new PlaybackListener() { }, format -> realTimeLine(format,
                    lastWriteEnd, flushed));
            PlaybackTurn turn = player.beginTurn();
            turn.enqueue(new Pcm(new short[22050 * 5], 22050), null);
            turn.end();
            Thread.sleep(300 + trial * 7);
            long stop = System.nanoTime();
            player.stop();
            Thread.sleep(200);
            long silent = Math.max(lastWriteEnd.get(), flushed.get());
            millis[trial] = (silent - stop) / 1e6;
            player.close();
        }
        Arrays.sort(millis);
        System.out.printf("stop() to silence over %d trials: median %.1f ms, max %.1f ms%n", millis.length,
                millis[millis.length / 2], millis[millis.length - 1]);
    }

    private static SourceDataLine realTimeLine(AudioFormat format, AtomicLong lastWriteEnd, AtomicLong flushed) {
        int bytesPerSecond = (int) format.getSampleRate() * format.getFrameSize();
        return (SourceDataLine) Proxy.newProxyInstance(SourceDataLine.class.getClassLoader(),
                new Class<?>[] {SourceDataLine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "write" -> {
                        Thread.sleep((Integer) args[2] * 1000L / bytesPerSecond);
                        lastWriteEnd.set(System.nanoTime());
                        yield args[2];
                    }
                    case "flush" -> {
                        flushed.set(System.nanoTime());
                        yield null;
                    }
                    case "getFormat" -> format;
                    case "getBufferSize", "available" -> bytesPerSecond / 10;
                    case "isOpen", "isRunning", "isActive", "isControlSupported" -> method.getName().startsWith("is")
                            && !method.getName().equals("isControlSupported");
                    case "getFramePosition" -> 0;
                    case "getLongFramePosition", "getMicrosecondPosition" -> 0L;
                    case "getLevel" -> 0f;
                    case "getControls" -> new javax.sound.sampled.Control[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "RealTimeLine";
                    default -> null;
                });
    }
}
