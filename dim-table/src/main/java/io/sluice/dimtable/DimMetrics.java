package io.sluice.dimtable;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

import java.util.function.LongSupplier;

/**
 * Cache and source metrics of one lookup function, named like Flink's own lookup-cache metrics
 * and registered in the subgroup {@code dimCache}.
 */
final class DimMetrics {

    static final String GROUP = "dimCache";

    /** Hits and misses are counted on the task thread only; a plain counter is cheapest there. */
    private final Counter hits = new SimpleCounter();

    private final Counter misses = new SimpleCounter();

    /** Loads happen on reload and async threads too. */
    private final Counter loads = new ThreadSafeSimpleCounter();

    private final Counter loadFailures = new ThreadSafeSimpleCounter();

    private volatile double latestLoadTimeMs;

    DimMetrics(MetricGroup parent, LongSupplier cachedRecords) {
        MetricGroup group = parent.addGroup(GROUP);
        group.counter("hitCount", hits);
        group.counter("missCount", misses);
        group.counter("loadCount", loads);
        group.counter("numLoadFailures", loadFailures);
        group.gauge("latestLoadTime", (Gauge<Double>) () -> latestLoadTimeMs);
        group.gauge("numCachedRecords", (Gauge<Long>) cachedRecords::getAsLong);
    }

    void hit() {
        hits.inc();
    }

    void miss() {
        misses.inc();
    }

    void loaded(long nanos) {
        loads.inc();
        latestLoadTimeMs = nanos / 1e6;
    }

    void loadFailed() {
        loadFailures.inc();
    }
}
