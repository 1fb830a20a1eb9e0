package dev.parley.ui.voices;

import java.util.Locale;

/** Download sizes in decimal megabytes, as the catalogue's web pages count them. */
final class SizeText {

    private static final double MB = 1_000_000.0;

    private SizeText() {}

    /** {@code 63.2 MB}. */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / MB);
    }

    /** {@code 12.6 / 63.2 MB (20%)}; the percentage is rounded down so 100% means complete. */
    static String progress(long done, long total) {
        long percent = total > 0 ? done * 100 / total : 0;
        return String.format(Locale.ROOT, "%.1f / %.1f MB (%d%%)", done / MB, total / MB, percent);
    }
}
