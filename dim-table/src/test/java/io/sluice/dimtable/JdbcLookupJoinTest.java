package io.sluice.dimtable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lookup joins against real PostgreSQL and MariaDB tables, for every cache kind, sync and async. */
class JdbcLookupJoinTest {

    static Stream<Arguments> everyDatabaseCacheAndMode() {
        List<Arguments> all = new ArrayList<>();
        for (TestDatabase db : TestDatabase.values()) {
            for (CacheKind cache : CacheKind.values()) {
                for (boolean async : new boolean[] {false, true}) {
                    all.add(Arguments.of(db, cache, async));
                }
            }
        }
        return all.stream();
    }

    static Stream<Arguments> everyDatabaseAndCache() {
        List<Arguments> all = new ArrayList<>();
        for (TestDatabase db : TestDatabase.values()) {
            for (CacheKind cache : CacheKind.values()) {
                all.add(Arguments.of(db, cache));
            }
        }
        return all.stream();
    }

    static Map<String, String> options(TestDatabase db, String table, CacheKind cache, boolean async) {
        Map<String, String> options = new HashMap<>();
        options.put("type", "jdbc");
        options.put("url", db.url);
        options.put("tableName", table);
        options.put("userName", db.user);
        options.put("password", db.password);
        options.put("cache", cache.name());
        if (cache == CacheKind.LRU) {
            options.put("cacheSize", "100");
        }
        options.put("async", Boolean.toString(async));
        return options;
    }

    @ParameterizedTest(name = "{0} cache={1} async={2}")
    @MethodSource("everyDatabaseCacheAndMode")
    void joinsMatchingRowsAndHandlesMissingAndNullKeys(TestDatabase db, CacheKind cache, boolean async) throws Exception {
        String table = TestDatabase.uniqueName("dim_customer");
        db.execute(
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(50), score DECIMAL(10,2), since DATE)",
                "INSERT INTO " + table + " VALUES (1, 'one', 1.50, DATE '2024-01-31'), (2, 'two', NULL, NULL), (3, 'three', 3.00, DATE '2025-12-01')");
        try {
            FlinkSql sql =
                    new FlinkSql()
                            .probe("s", new String[] {"k"}, new TypeInformation<?>[] {Types.INT},
                                    Row.of(1), Row.of(2), Row.of(2), Row.of(42), Row.of((Object) null), Row.of(3), Row.of(1))
                            .dimTable("d", "id INT, name STRING, score DECIMAL(10, 2), since DATE", options(db, table, cache, async));

            assertThat(sql.query("SELECT s.k, d.name, d.score, d.since FROM s LEFT JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id"))
                    .containsExactly(
                            "+I[1, one, 1.50, 2024-01-31]",
                            "+I[1, one, 1.50, 2024-01-31]",
                            "+I[2, two, null, null]",
                            "+I[2, two, null, null]",
                            "+I[3, three, 3.00, 2025-12-01]",
                            "+I[42, null, null, null]",
                            "+I[null, null, null, null]");
            assertThat(sql.query("SELECT s.k, d.name FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id"))
                    .containsExactly("+I[1, one]", "+I[1, one]", "+I[2, two]", "+I[2, two]", "+I[3, three]");
        } finally {
            db.execute("DROP TABLE " + table);
        }
    }

    @ParameterizedTest(name = "{0} cache={1}")
    @MethodSource("everyDatabaseAndCache")
    void joinsOnCompositeKeysInAnyConditionOrder(TestDatabase db, CacheKind cache) throws Exception {
        String table = TestDatabase.uniqueName("dim_account");
        db.execute(
                "CREATE TABLE " + table + " (region VARCHAR(10), id BIGINT, owner VARCHAR(50), PRIMARY KEY (region, id))",
                "INSERT INTO " + table + " VALUES ('eu', 1, 'anna'), ('us', 1, 'bob'), ('us', 2, 'carl')");
        try {
            FlinkSql sql =
                    new FlinkSql()
                            .probe("s", new String[] {"r", "i"}, new TypeInformation<?>[] {Types.STRING, Types.LONG},
                                    Row.of("eu", 1L), Row.of("us", 1L), Row.of("us", 2L), Row.of("eu", 2L),
                                    Row.of(null, 1L), Row.of("eu", null))
                            .dimTable("d", "region STRING, id BIGINT, owner STRING, PRIMARY KEY (region, id) NOT ENFORCED",
                                    options(db, table, cache, false));

            assertThat(sql.query("SELECT s.r, s.i, d.owner FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.r = d.region AND s.i = d.id"))
                    .containsExactly("+I[eu, 1, anna]", "+I[us, 1, bob]", "+I[us, 2, carl]");
            assertThat(sql.query("SELECT s.r, s.i, d.owner FROM s LEFT JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.i = d.id AND s.r = d.region"))
                    .containsExactly(
                            "+I[eu, 1, anna]", "+I[eu, 2, null]", "+I[eu, null, null]", "+I[null, 1, null]", "+I[us, 1, bob]", "+I[us, 2, carl]");
        } finally {
            db.execute("DROP TABLE " + table);
        }
    }

    /**
     * A PostgreSQL user that may read only some columns of the table: a query using only those works, because the
     * connector selects only the columns a query uses (projection push-down); one that uses another column fails
     * with the database's own refusal.
     */
    @ParameterizedTest(name = "cache={0}")
    @EnumSource(CacheKind.class)
    void readsOnlyTheColumnsAQueryUses(CacheKind cache) throws Exception {
        TestDatabase db = TestDatabase.POSTGRESQL;
        String table = TestDatabase.uniqueName("dim_narrow");
        String reader = TestDatabase.uniqueName("dim_reader");
        db.execute(
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(50), secret VARCHAR(50))",
                "INSERT INTO " + table + " VALUES (1, 'one', 'x'), (2, 'two', 'y')",
                "CREATE ROLE " + reader + " LOGIN",
                "GRANT SELECT (id, name) ON " + table + " TO " + reader);
        try {
            Map<String, String> options = options(db, table, cache, false);
            options.put("userName", reader);
            FlinkSql sql =
                    new FlinkSql()
                            .probe("s", new String[] {"k"}, new TypeInformation<?>[] {Types.INT}, Row.of(1), Row.of(2), Row.of(3))
                            .dimTable("d", "id INT, name STRING, secret STRING", options);

            assertThat(sql.query("SELECT s.k, d.name FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id"))
                    .containsExactly("+I[1, one]", "+I[2, two]");
            assertThatThrownBy(() -> sql.query("SELECT s.k, d.secret FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id"))
                    .hasStackTraceContaining("permission denied");
        } finally {
            db.execute("DROP TABLE " + table, "DROP ROLE " + reader);
        }
    }
}
