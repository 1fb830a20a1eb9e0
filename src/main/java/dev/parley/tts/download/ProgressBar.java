package dev.parley.tts.download;

import java.util.Locale;

/** Renders the one-line progress bar drawn on a terminal. A pure function of its numbers. */
final class ProgressBar {

    static final int WIDTH = 24;

    private ProgressBar() {}

    /**
     * @param label what is downloaded, usually the file name
     * @param done bytes received
     * @param total bytes expected
     * @param bytesPerSecond average speed so far; 0 or less when not yet known
     * @return e.g. {@code voice.onnx [############            ]  50%  31.6/63.2 MB  2.0 MB/s  ETA 0:16}
     */
    static String render(String label, long done, long total, double bytesPerSecond) {
        long clamped = Math.max(0, Math.min(done, total));
        int percent = total == 0 ? 100 : (int) (clamped * 100 / total);
        int filled = total == 0 ? WIDTH : (int) (clamped * WIDTH / total);
        String speed = bytesPerSecond > 0 ? Sizes.human((long) bytesPerSecond) + "/s" : "-- B/s";
        return label
                + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", percent)
                + "  " + Sizes.ofTotal(clamped, total)
                + "  " + speed
                + "  ETA " + eta(total - clamped, bytesPerSecond);
    }

    private static String eta(long remaining, double bytesPerSecond) {
        if (remaining == 0) {
            return "0:00";
        }
        if (bytesPerSecond <= 0) {
            return "--:--";
        }
        long seconds = (long) Math.ceil(remaining / bytesPerSecond);
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }
}
