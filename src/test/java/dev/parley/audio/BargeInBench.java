package dev.parley.audio;

import dev.parley.testing.PacedLines;
import java.util.Arrays;

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
            PacedLines lines = new PacedLines();
            AudioPlayer player = AudioPlayer.start(new PlaybackListener() { }, lines);
            PlaybackTurn turn = player.beginTurn();
            turn.enqueue(new Pcm(new short[22050 * 5], 22050), null);
            turn.end();
            Thread.sleep(300 + trial * 7);
            long stop = System.nanoTime();
            player.stop();
            Thread.sleep(200);
            millis[trial] = (lines.lastActivityNanos() - stop) / 1e6;
            player.close();
        }
        Arrays.sort(millis);
        System.out.printf("stop() to silence over %d trials: median %.1f ms, max %.1f ms%n", millis.length,
                millis[millis.length / 2], millis[millis.length - 1]);
    }
}
