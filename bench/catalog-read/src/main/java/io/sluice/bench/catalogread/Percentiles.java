package io.sluice.bench.catalogread;

import java.util.Arrays;

/** Percentiles of measured durations, nearest-rank. */
public final class Percentiles {

    private Percentiles() {}

    /** The {@code percent}th percentile of {@code nanos}, in milliseconds (100: the maximum). */
    public static double millis(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
