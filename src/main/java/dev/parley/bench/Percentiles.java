package dev.parley.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Median and 99th percentile of a set of samples (nearest rank), in milliseconds.
 *
 * @param count how many samples
 * @param p50 the median
 * @param p99 the 99th percentile: 99 % of the samples are at most this
 */
record Percentiles(int count, double p50, double p99) {

    static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN);

    /** Of samples in nanoseconds. */
    static Percentiles ofNanos(Collection<Long> nanos) {
        return ofMillis(millis(nanos));
    }

    /** Nanoseconds as milliseconds, the unit every figure of the benchmark is reported in. */
    static double millis(long nanos) {
        return nanos / 1e6;
    }

    static double[] millis(Collection<Long> nanos) {
        return nanos.stream().mapToDouble(Percentiles::millis).toArray();
    }

    static Percentiles ofMillis(double[] millis) {
        if (millis.length == 0) {
            return NONE;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99));
    }

    private static double rank(double[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
