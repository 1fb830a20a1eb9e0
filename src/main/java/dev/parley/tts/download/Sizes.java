package dev.parley.tts.download;

import java.util.Locale;

/** Byte counts for people, in decimal units as the catalogue's web pages show them. */
final class Sizes {

    private static final String[] UNITS = {"B", "kB", "MB", "GB"};

    private Sizes() {}

    /** {@code 512 B}, {@code 4.9 kB}, {@code 63.2 MB}, {@code 1.3 GB}. */
    static String human(long bytes) {
        int unit = unitOf(bytes);
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", scaled(bytes, unit), UNITS[unit]);
    }

    /** A part of a total in the total's unit: {@code 12.5/63.2 MB}. */
    static String ofTotal(long done, long total) {
        int unit = unitOf(total);
        if (unit == 0) {
            return done + "/" + total + " B";
        }
        return String.format(Locale.ROOT, "%.1f/%.1f %s", scaled(done, unit), scaled(total, unit), UNITS[unit]);
    }

    /** The largest unit in which the count, rounded to one decimal, stays below 1000. */
    private static int unitOf(long bytes) {
        int unit = 0;
        while (unit < UNITS.length - 1 && scaled(bytes, unit) >= (unit == 0 ? 1000 : 999.95)) {
            unit++;
        }
        return unit;
    }

    private static double scaled(long bytes, int unit) {
        return bytes / Math.pow(1000, unit);
    }
}
