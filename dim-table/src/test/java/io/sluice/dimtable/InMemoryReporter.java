package io.sluice.dimtable;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Flink metric reporter that keeps every metric a job registered, so a test can read the
 * final values through Flink's real metric system after the job ended.
 */
public final class InMemoryReporter implements MetricReporter, MetricReporterFactory {

    static final String NAME = "memory";

    private static final Map<String, Metric> METRICS = new ConcurrentHashMap<>();

    static void clear() {
        METRICS.clear();
    }

    /** The value of the only metric whose identifier ends with {@code suffix}. */
    static Number value(String suffix) {
        Metric metric =
                METRICS.entrySet().stream()
                        .filter(e -> e.getKey().endsWith(suffix))
                        .map(Map.Entry::getValue)
                        .reduce((a, b) -> {
                            throw new IllegalStateException("more than one metric ends with " + suffix);
                        })
                        .orElseThrow(() -> new IllegalStateException("no metric ends with " + suffix + " in " + METRICS.keySet()));
        if (metric instanceof Counter) {
            return ((Counter) metric).getCount();
        }
        return (Number) ((Gauge<?>) metric).getValue();
    }

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new InMemoryReporter();
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        METRICS.put(group.getMetricIdentifier(metricName), metric);
    }

    /** Kept on purpose: the test reads the values after the job has finished. */
    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {}
}
