package io.sluice.dimtable;

import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.RowType;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The lookup logic shared by the sync and the async function: answer from the cache, or read
 * the source and remember what it returned.
 */
final class DimLookup implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final DimSource source;
    private final RowType rowType;
    private final int[] keyIndices;
    private final CacheConfig cacheConfig;
    private final RetryConfig retryConfig;

    private transient CacheKeys keys;
    private transient DimMetrics metrics;
    private transient DimCache cache;

    DimLookup(
            String table,
            DimSource source,
            RowType rowType,
            int[] keyIndices,
            CacheConfig cacheConfig,
            RetryConfig retryConfig) {
        this.table = table;
        this.source = source;
        this.rowType = rowType;
        this.keyIndices = keyIndices;
        this.cacheConfig = cacheConfig;
        this.retryConfig = retryConfig;
    }

    void open(MetricGroup metricGroup) throws IOException {
        keys = new CacheKeys(rowType, keyIndices);
        metrics = new DimMetrics(metricGroup, () -> cache == null ? 0 : cache.size());
        switch (cacheConfig.kind()) {
            case ALL:
                AllTableCache all = new AllTableCache(newReader(), keys, new RowDataSerializer(rowType), cacheConfig, metrics, table);
                cache = all;
                all.open();
                break;
            case LRU:
                cache = new LruCache(cacheConfig, metrics);
                break;
            default:
                cache = new NoCache(metrics);
        }
    }

    /** Whether lookups may miss the cache and read the source. */
    boolean readsSource() {
        return cacheConfig.kind() != CacheKind.ALL;
    }

    private RetryingReader newReader() {
        return new RetryingReader(source, retryConfig, metrics);
    }

    /** A loader for one thread. */
    KeyLoader newLoader() {
        return new KeyLoader(newReader(), new RowDataSerializer(rowType));
    }

    /** The answer from memory, or null when {@link #load} must read the source. */
    List<RowData> cached(RowData keyRow) {
        Object key = keys.ofLookup(keyRow);
        return key == null ? List.of() : cache.getIfPresent(key);
    }

    List<RowData> load(KeyLoader loader, RowData keyRow) throws IOException {
        List<RowData> found = loader.load(keyRow);
        if (!found.isEmpty() || cacheConfig.cacheEmpty()) {
            cache.put(keys.retained(keys.ofLookup(keyRow)), found);
        }
        return found;
    }

    void close() {
        if (cache != null) {
            cache.close();
        }
    }
}
