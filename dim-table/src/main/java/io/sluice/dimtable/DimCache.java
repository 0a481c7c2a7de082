package io.sluice.dimtable;

import org.apache.flink.table.data.RowData;

import java.util.List;

/** Rows kept in memory per cache key; see {@link CacheKeys}. */
interface DimCache extends AutoCloseable {

    /** The cached rows (possibly none), or null when the source must be read. */
    List<RowData> getIfPresent(Object key);

    void put(Object key, List<RowData> rows);

    /** Cached rows, for the {@code numCachedRecords} metric. */
    long size();

    @Override
    void close();
}
