package io.sluice.bench.gateway;

import io.sluice.bench.catalogread.Percentiles;

/**
 * Paired measurements of the vanilla and the sluice endpoint: the two alternate, the first of each pair changing
 * every round, so that the noise of a shared machine falls on both alike; and their report as a Markdown table.
 */
final class Paired {

    /** One timed step against one endpoint, in nanoseconds. */
    @FunctionalInterface
    interface Step {
        long nanos(int endpoint, int round) throws Exception;
    }

    static final int VANILLA = 0;
    static final int SLUICE = 1;

    private Paired() {}

    /** Runs {@code warmUp + rounds} pairs; returns the measured nanoseconds per endpoint ({@link #VANILLA}, {@link #SLUICE}). */
    static long[][] alternate(int warmUp, int rounds, Step step) throws Exception {
        long[][] nanos = new long[2][rounds];
        for (int i = 0; i < warmUp + rounds; i++) {
            for (int k = 0; k < 2; k++) {
                int endpoint = (i + k) % 2;
                long took = step.nanos(endpoint, i);
                if (i >= warmUp) {
                    nanos[endpoint][i - warmUp] = took;
                }
            }
        }
        return nanos;
    }

    /** Median and p99 of both endpoints and their ratio, as Markdown table rows under a header. */
    static String table(String sluiceLabel, long[][] nanos) {
        return table("Flink `rest` (vanilla)", sluiceLabel, nanos);
    }

    /** Median and p99 of a baseline and of sluice's side and their ratio, as Markdown table rows under a header. */
    static String table(String vanillaLabel, String sluiceLabel, long[][] nanos) {
        double vanillaMedian = Percentiles.millis(nanos[VANILLA], 50);
        double sluiceMedian = Percentiles.millis(nanos[SLUICE], 50);
        double vanillaP99 = Percentiles.millis(nanos[VANILLA], 99);
        double sluiceP99 = Percentiles.millis(nanos[SLUICE], 99);
        return "| endpoint | median ms | p99 ms |\n| --- | ---: | ---: |\n"
                + String.format("| %s | %.1f | %.1f |%n", vanillaLabel, vanillaMedian, vanillaP99)
                + String.format("| %s | %.1f | %.1f |%n", sluiceLabel, sluiceMedian, sluiceP99)
                + String.format(
                        "| ratio sluice / vanilla | %.3f | %.3f |%n", sluiceMedian / vanillaMedian, sluiceP99 / vanillaP99);
    }
}
