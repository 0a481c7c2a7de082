package io.sluice.dimtable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.flink.table.data.RowData;

import java.util.List;

/**
 * cache = 'LRU': keys bounded by {@code cacheSize}, expiring {@code cacheTTLms} after they were
 * read. Caffeine's size policy (W-TinyLFU) keeps frequent keys better than strict LRU under
 * skewed traffic; the option keeps the name users know.
 */
final class LruCache implements DimCache {

    private final Cache<Object, List<RowData>> cache;
    private final DimMetrics metrics;

    LruCache(CacheConfig config, DimMetrics metrics) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(config.size());
        if (config.ttl() != null) {
            builder.expireAfterWrite(config.ttl());
        }
        // Eviction work runs on the calling thread: no hand-off to the common pool on the hot path.
        this.cache = builder.executor(Runnable::run).build();
        this.metrics = metrics;
    }

    @Override
    public List<RowData> getIfPresent(Object key) {
        List<RowData> rows = cache.getIfPresent(key);
        if (rows == null) {
            metrics.miss();
        } else {
            metrics.hit();
        }
        return rows;
    }

    @Override
    public void put(Object key, List<RowData> rows) {
        cache.put(key, rows);
    }

    @Override
    public long size() {
        return cache.estimatedSize();
    }

    @Override
    public void close() {}
}
