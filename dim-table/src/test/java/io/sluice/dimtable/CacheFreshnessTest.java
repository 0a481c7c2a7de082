package io.sluice.dimtable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.sluice.dimtable.LookupFunctions.await;
import static io.sluice.dimtable.LookupFunctions.name;
import static io.sluice.dimtable.LookupFunctions.nameIs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When changes to the PostgreSQL dimension table become visible, per cache kind. */
class CacheFreshnessTest {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;
    private static final RetryConfig NO_RETRY = new RetryConfig(0, 0, 2_000);

    private final String table = TestDatabase.uniqueName("dim_fresh");
    private DimLookupFunction function;

    @BeforeEach
    void createTable() {
        DB.execute(
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO " + table + " VALUES (1, 'old'), (2, 'two'), (3, 'three')");
    }

    @AfterEach
    void dropTable() {
        if (function != null) {
            function.close();
        }
        DB.execute("DROP TABLE " + table);
    }

    private DimLookupFunction open(CacheConfig cache) throws Exception {
        function = LookupFunctions.jdbc(DB, DB.url, table, cache, NO_RETRY);
        return function;
    }

    @Test
    void lruServesTheCachedRowUntilTtlExpiresThenTheUpdate() throws Exception {
        long ttlMs = 1_500;
        DimLookupFunction lru = open(CacheConfig.lru(100, Duration.ofMillis(ttlMs)));
        long cachedAt = System.nanoTime();
        assertThat(name(lru, 1)).isEqualTo("old");

        DB.execute("UPDATE " + table + " SET name = 'new' WHERE id = 1");
        assertThat(name(lru, 1)).as("before TTL expiry").isEqualTo("old");

        await(nameIs(lru, 1, "new"), 5_000);
        assertThat((System.nanoTime() - cachedAt) / 1_000_000).as("ms until the update showed").isGreaterThanOrEqualTo(ttlMs);
    }

    @Test
    void noneSeesUpdatesAtOnce() throws Exception {
        DimLookupFunction none = open(CacheConfig.none());
        assertThat(name(none, 1)).isEqualTo("old");
        DB.execute("UPDATE " + table + " SET name = 'new' WHERE id = 1");
        assertThat(name(none, 1)).isEqualTo("new");
    }

    @Test
    void allServesTheLoadedTableUntilTheNextReloadThenTheUpdate() throws Exception {
        long reloadMs = 1_500;
        long openedAt = System.nanoTime();
        DimLookupFunction all = open(CacheConfig.all(Duration.ofMillis(reloadMs)));
        assertThat(name(all, 1)).isEqualTo("old");

        DB.execute(
                "UPDATE " + table + " SET name = 'new' WHERE id = 1",
                "INSERT INTO " + table + " VALUES (4, 'four')",
                "DELETE FROM " + table + " WHERE id = 2");
        assertThat(name(all, 1)).as("before reload").isEqualTo("old");
        assertThat(name(all, 4)).as("inserted, before reload").isNull();
        assertThat(name(all, 2)).as("deleted, before reload").isEqualTo("two");

        await(nameIs(all, 1, "new"), 5_000);
        assertThat((System.nanoTime() - openedAt) / 1_000_000).as("ms until the update showed").isGreaterThanOrEqualTo(reloadMs);
        assertThat(name(all, 4)).isEqualTo("four");
        assertThat(name(all, 2)).isNull();
    }

    @Test
    void missingKeysAreCachedWhenCacheEmptyIsOn() throws Exception {
        DimLookupFunction lru = open(CacheConfig.lru(100, null));
        assertThat(name(lru, 9)).isNull();
        DB.execute("INSERT INTO " + table + " VALUES (9, 'nine')");
        assertThat(name(lru, 9)).as("the miss is remembered").isNull();
    }

    @Test
    void missingKeysAreReadAgainWhenCacheEmptyIsOff() throws Exception {
        DimLookupFunction lru = open(CacheConfig.lru(100, null).withCacheEmpty(false));
        assertThat(name(lru, 9)).isNull();
        DB.execute("INSERT INTO " + table + " VALUES (9, 'nine')");
        assertThat(name(lru, 9)).isEqualTo("nine");
    }

    @Test
    void allRefusesToStartWhenTheTableHasMoreRowsThanAllowed() {
        assertThatThrownBy(() -> open(CacheConfig.all(null).withLimits(2, 1 << 20)))
                .hasMessageContaining("has more than 2 rows, the limit set by option 'cacheMaxRows'")
                .hasMessageContaining("Raise 'cacheMaxRows' or use cache = 'LRU'");
    }

    @Test
    void allRefusesToStartWhenTheTableTakesMoreBytesThanAllowed() {
        assertThatThrownBy(() -> open(CacheConfig.all(null).withLimits(1_000, 40)))
                .hasMessageContaining("has more than 40 bytes, the limit set by option 'cacheMaxBytes'");
    }
}
