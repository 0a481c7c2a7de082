package io.sluice.dimtable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The gateway's entry point: a catalog data source becomes a dimension table without connector options. */
class CatalogDimTableTest {

    @Test
    void postgresqlSourceWithLruCacheBecomesJdbcOptions() {
        Map<String, String> options =
                CatalogDimTable.connectorOptions(
                        new DataSourceConnection(
                                DataSourceConnection.Kind.POSTGRESQL, "jdbc:postgresql://db:5432/shop", "app", "s3cret",
                                "public.customers", List.of("id")),
                        CacheConfig.lru(50_000, Duration.ofMinutes(10)).withCacheEmpty(false));
        assertThat(options)
                .containsOnly(
                        entry("connector", "dim"),
                        entry("type", "jdbc"),
                        entry("url", "jdbc:postgresql://db:5432/shop"),
                        entry("tableName", "public.customers"),
                        entry("userName", "app"),
                        entry("password", "s3cret"),
                        entry("keyColumns", "id"),
                        entry("cache", "LRU"),
                        entry("cacheSize", "50000"),
                        entry("cacheTTLms", "600000"),
                        entry("cacheEmpty", "false"));
    }

    @Test
    void redisSourceWithAllCacheBecomesRedisOptions() {
        Map<String, String> options =
                CatalogDimTable.connectorOptions(
                        new DataSourceConnection(DataSourceConnection.Kind.REDIS, "cache-1:6380", null, null, "customer", List.of("region", "id")),
                        CacheConfig.all(Duration.ofHours(1)));
        assertThat(options)
                .contains(
                        entry("type", "redis"),
                        entry("host", "cache-1"),
                        entry("port", "6380"),
                        entry("keyPrefix", "customer:"),
                        entry("keySeparator", ":"),
                        entry("keyColumns", "region,id"),
                        entry("cache", "ALL"),
                        entry("cacheTTLms", "3600000"))
                .doesNotContainKeys("userName", "password", "url");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void generatedOptionsJoinAgainstTheRealDatabase(TestDatabase db) throws Exception {
        String table = TestDatabase.uniqueName("dim_catalog");
        db.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))", "INSERT INTO " + table + " VALUES (1, 'one')");
        try {
            DataSourceConnection.Kind kind = db == TestDatabase.POSTGRESQL ? DataSourceConnection.Kind.POSTGRESQL : DataSourceConnection.Kind.MARIADB;
            Map<String, String> options =
                    CatalogDimTable.connectorOptions(
                            new DataSourceConnection(kind, db.url, db.user, db.password, table, List.of("id")),
                            CacheConfig.lru(1_000, Duration.ofMinutes(1)));
            assertThat(join(options)).containsExactly("+I[1, one]");
        } finally {
            db.execute("DROP TABLE " + table);
        }
    }

    @Test
    void generatedOptionsJoinAgainstTheRealRedis() throws Exception {
        try (TestRedis redis = new TestRedis()) {
            String table = redis.prefix.substring(0, redis.prefix.length() - 1);
            redis.json("1", "{\"name\":\"one\"}");
            Map<String, String> options =
                    CatalogDimTable.connectorOptions(
                            new DataSourceConnection(DataSourceConnection.Kind.REDIS, "127.0.0.1:" + TestRedis.PORT, null, null, table, List.of("id")),
                            CacheConfig.all(null));
            assertThat(join(options)).containsExactly("+I[1, one]");
        }
    }

    private static List<String> join(Map<String, String> options) throws Exception {
        return new FlinkSql()
                .probe("s", new String[] {"k"}, new TypeInformation<?>[] {Types.INT}, Row.of(1), Row.of(2))
                .dimTable("d", "id INT, name STRING", options)
                .query("SELECT s.k, d.name FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id");
    }
}
