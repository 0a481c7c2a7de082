package io.sluice.dimtable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache metrics a lookup join reports through Flink's metric system. */
class DimMetricsTest {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;
    private final String table = TestDatabase.uniqueName("dim_metrics");

    @BeforeEach
    void setUp() {
        InMemoryReporter.clear();
        DB.execute(
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO " + table + " VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    }

    @AfterEach
    void tearDown() {
        DB.execute("DROP TABLE " + table);
    }

    private void join(CacheKind cache) throws Exception {
        Configuration configuration = new Configuration();
        configuration.setString("metrics.reporter." + InMemoryReporter.NAME + ".factory.class", InMemoryReporter.class.getName());
        Map<String, String> options = JdbcLookupJoinTest.options(DB, table, cache, false);
        new FlinkSql(configuration)
                .probe("s", new String[] {"k"}, new TypeInformation<?>[] {Types.INT},
                        Row.of(1), Row.of(1), Row.of(2), Row.of(2), Row.of(99), Row.of(99))
                .dimTable("d", "id INT, name STRING", options)
                .query("SELECT s.k, d.name FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id");
    }

    @Test
    void lruCountsHitsMissesAndOneLoadPerDistinctKey() throws Exception {
        join(CacheKind.LRU);
        assertThat(InMemoryReporter.value(".dimCache.hitCount")).isEqualTo(3L);
        assertThat(InMemoryReporter.value(".dimCache.missCount")).isEqualTo(3L);
        assertThat(InMemoryReporter.value(".dimCache.loadCount")).isEqualTo(3L);
        assertThat(InMemoryReporter.value(".dimCache.numLoadFailures")).isEqualTo(0L);
        assertThat(InMemoryReporter.value(".dimCache.numCachedRecords")).as("keys, the missing one included").isEqualTo(3L);
        assertThat(InMemoryReporter.value(".dimCache.latestLoadTime").doubleValue()).isPositive();
    }

    @Test
    void allLoadsOnceAndCountsAbsentKeysAsMisses() throws Exception {
        join(CacheKind.ALL);
        assertThat(InMemoryReporter.value(".dimCache.hitCount")).isEqualTo(4L);
        assertThat(InMemoryReporter.value(".dimCache.missCount")).isEqualTo(2L);
        assertThat(InMemoryReporter.value(".dimCache.loadCount")).isEqualTo(1L);
        assertThat(InMemoryReporter.value(".dimCache.numCachedRecords")).as("rows of the table").isEqualTo(3L);
    }

    @Test
    void noneLoadsEveryLookup() throws Exception {
        join(CacheKind.NONE);
        assertThat(InMemoryReporter.value(".dimCache.hitCount")).isEqualTo(0L);
        assertThat(InMemoryReporter.value(".dimCache.loadCount")).isEqualTo(6L);
    }
}
