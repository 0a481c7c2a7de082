package io.sluice.dimtable;

import org.apache.flink.table.data.RowData;

import java.util.List;

/** cache = 'NONE': every lookup reads the source. */
final class NoCache implements DimCache {

    private final DimMetrics metrics;

    NoCache(DimMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public List<RowData> getIfPresent(Object key) {
        metrics.miss();
        return null;
    }

    @Override
    public void put(Object key, List<RowData> rows) {}

    @Override
    public long size() {
        return 0;
    }

    @Override
    public void close() {}
}
