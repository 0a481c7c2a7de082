package io.sluice.bench.dimtable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Medians and ranges over the rounds of a results file, as a Markdown table. */
final class BenchReport {

    private static final class Run {
        final long rows;
        final double recordsPerSecond;
        final double cpuNsPerRecord;
        final long reads;
        final int vertices;

        Run(String[] fields) {
            rows = Long.parseLong(fields[3]);
            long wall = Long.parseLong(fields[4]);
            long cpu = Long.parseLong(fields[5]);
            // The measured span runs from the first to the last record: rows - 1 intervals.
            recordsPerSecond = (rows - 1) * 1e9 / wall;
            cpuNsPerRecord = (double) cpu / (rows - 1);
            reads = Long.parseLong(fields[6]);
            vertices = Integer.parseInt(fields[7]);
        }
    }

    static String markdown(Path results) throws IOException {
        Map<String, Map<String, List<Run>>> byDistribution = new LinkedHashMap<>();
        for (String line : Files.readAllLines(results)) {
            if (!line.startsWith("RESULT\t")) {
                continue;
            }
            String[] fields = line.split("\t");
            byDistribution.computeIfAbsent(fields[2], d -> new LinkedHashMap<>())
                    .computeIfAbsent(fields[1], v -> new ArrayList<>())
                    .add(new Run(fields));
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Map<String, List<Run>>> distribution : byDistribution.entrySet()) {
            Map<String, List<Run>> variants = distribution.getValue();
            double noJoinCpu = median(variants.get(Variant.NOJOIN.id), r -> r.cpuNsPerRecord);
            double partial = median(variants.get(Variant.FLINK_PARTIAL.id), r -> r.recordsPerSecond);
            double ceiling = median(variants.get(Variant.HASHMAP.id), r -> r.recordsPerSecond);
            out.append(String.format("%n**%s keys**%n%n", distribution.getKey()));
            out.append("| variant | stream rows | records/s median (min – max) | CPU ns/record above no join | DB reads (hit rate) | vs Flink PARTIAL | vs HashMap ceiling | rounds | job vertices |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Map.Entry<String, List<Run>> variant : variants.entrySet()) {
                List<Run> runs = variant.getValue();
                double rate = median(runs, r -> r.recordsPerSecond);
                double reads = median(runs, r -> r.reads);
                long rows = runs.get(0).rows;
                out.append(String.format(
                        "| %s | %,d | %,.0f (%,.0f – %,.0f) | %s | %,.0f (%.2f%%) | %.2f× | %.2f× | %d | %d |%n",
                        variant.getKey(),
                        rows,
                        rate,
                        runs.stream().mapToDouble(r -> r.recordsPerSecond).min().orElse(0),
                        runs.stream().mapToDouble(r -> r.recordsPerSecond).max().orElse(0),
                        variant.getKey().equals(Variant.NOJOIN.id)
                                ? "–"
                                : String.format("%,.0f", median(runs, r -> r.cpuNsPerRecord) - noJoinCpu),
                        reads,
                        100.0 * Math.max(0, 1 - reads / rows),
                        rate / partial,
                        rate / ceiling,
                        runs.size(),
                        runs.get(0).vertices));
            }
            out.append(readOnceEstimate(variants, partial, ceiling));
        }
        return out.toString();
    }

    /**
     * An estimate of the best a cache that reads each key from the database once can do on this machine: the HashMap
     * ceiling's time plus one database read (as long as one {@code dim-none} record takes) per key {@code dim-lru}
     * read. It tells how much of the gap between {@code dim-lru} and the ceiling is the database reads themselves.
     */
    private static String readOnceEstimate(Map<String, List<Run>> variants, double partial, double ceiling) {
        List<Run> lru = variants.get(Variant.DIM_LRU.id);
        List<Run> none = variants.get(Variant.DIM_NONE.id);
        if (lru == null || none == null) {
            return "";
        }
        long rows = lru.get(0).rows;
        double keys = median(lru, r -> r.reads);
        double secondsPerRead = 1 / median(none, r -> r.recordsPerSecond);
        double estimate = rows / (rows / ceiling + keys * secondsPerRead);
        double reached = median(lru, r -> r.recordsPerSecond);
        return String.format(
                "%nEstimate for a cache that reads each of the %,.0f keys once: %,.0f records/s (HashMap ceiling plus one "
                        + "read of %,.0f µs per key, as `dim-none` measured) = %.2f× Flink PARTIAL; dim-lru reached "
                        + "%.0f%% of it.%n",
                keys, estimate, secondsPerRead * 1e6, estimate / partial, 100 * reached / estimate);
    }

    private interface Metric {
        double of(Run run);
    }

    private static double median(List<Run> runs, Metric metric) {
        if (runs == null || runs.isEmpty()) {
            return Double.NaN;
        }
        double[] values = runs.stream().mapToDouble(metric::of).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private BenchReport() {}
}
