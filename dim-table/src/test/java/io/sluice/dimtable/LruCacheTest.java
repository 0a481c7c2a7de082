package io.sluice.dimtable;

import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The LRU cache's policy on its own: size bound, second chance, expiry. Pure data structure, no service. */
class LruCacheTest {

    private static final List<RowData> ROWS = List.of(GenericRowData.of(1));
    private static final Duration TTL = Duration.ofSeconds(1);

    private static LruCache cache(long size, Duration ttl) {
        return new LruCache(CacheConfig.lru(size, ttl), new DimMetrics(new UnregisteredMetricsGroup(), () -> 0));
    }

    @Test
    void neverHoldsMoreThanCacheSizeKeys() {
        LruCache cache = cache(100, null);
        for (int key = 0; key < 1_000; key++) {
            cache.put(key, ROWS);
        }
        assertThat(cache.size()).isEqualTo(100);
        assertThat(cache.getIfPresent(999)).isSameAs(ROWS);
    }

    @Test
    void aKeyUsedSinceTheLastSweepSurvivesAndAnUnusedOneIsEvicted() {
        LruCache cache = cache(3, null);
        cache.put("a", ROWS);
        cache.put("b", ROWS);
        cache.put("c", ROWS);
        cache.getIfPresent("a");
        cache.put("d", ROWS);
        assertThat(cache.getIfPresent("a")).as("used: second chance").isSameAs(ROWS);
        assertThat(cache.getIfPresent("b")).as("oldest unused: evicted").isNull();
        assertThat(cache.getIfPresent("c")).isSameAs(ROWS);
        assertThat(cache.getIfPresent("d")).isSameAs(ROWS);
    }

    @Test
    void replacingAKeyKeepsOneEntry() {
        LruCache cache = cache(2, null);
        List<RowData> newer = List.of(GenericRowData.of(2));
        cache.put("a", ROWS);
        cache.put("a", newer);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.getIfPresent("a")).isSameAs(newer);
    }

    @Test
    void entriesExpireTtlAfterTheyWereLoaded() throws InterruptedException {
        LruCache cache = cache(10, TTL);
        cache.put("a", ROWS);
        assertThat(cache.getIfPresent("a")).isSameAs(ROWS);
        Thread.sleep(TTL.toMillis() + 200);
        assertThat(cache.getIfPresent("a")).isNull();
        cache.put("a", ROWS);
        assertThat(cache.getIfPresent("a")).as("reloaded").isSameAs(ROWS);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void anExpiredEntryIsEvictedBeforeAFreshOne() throws InterruptedException {
        // a TTL far above a loaded machine's scheduling pauses: only "old" may have expired when the asserts run
        LruCache cache = cache(2, TTL);
        cache.put("old", ROWS);
        cache.getIfPresent("old");
        Thread.sleep(TTL.toMillis() + 200);
        cache.put("fresh", ROWS);
        cache.getIfPresent("fresh");
        cache.put("new", ROWS);
        assertThat(cache.getIfPresent("fresh")).isSameAs(ROWS);
        assertThat(cache.getIfPresent("new")).isSameAs(ROWS);
        assertThat(cache.size()).isEqualTo(2);
    }
}
