package io.sluice.dimtable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Async lookups keep or relax the input order as Flink's LOOKUP hint says. */
class AsyncLookupTest {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;
    private static final int ROWS = 300;
    private final String table = TestDatabase.uniqueName("dim_async");

    @BeforeEach
    void setUp() {
        DB.execute(
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO " + table + " SELECT g, 'n' || g FROM generate_series(0, " + (ROWS - 1) + ") g");
    }

    @AfterEach
    void tearDown() {
        DB.execute("DROP TABLE " + table);
    }

    private List<String> join(String outputMode) throws Exception {
        Row[] probe = new Row[ROWS];
        for (int i = 0; i < ROWS; i++) {
            // Reversed ids, so arrival order differs from any order the database could impose.
            probe[i] = Row.of(ROWS - 1 - i);
        }
        Map<String, String> options = JdbcLookupJoinTest.options(DB, table, CacheKind.NONE, true);
        options.put("asyncThreads", "4");
        FlinkSql sql =
                new FlinkSql()
                        .probe("s", new String[] {"k"}, new TypeInformation<?>[] {Types.INT}, probe)
                        .dimTable("d", "id INT, name STRING", options);
        String query =
                "SELECT /*+ LOOKUP('table'='d', 'async'='true', 'output-mode'='" + outputMode + "', 'capacity'='16') */ s.k, d.name "
                        + "FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id";
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = sql.tEnv.executeSql(query).collect()) {
            it.forEachRemaining(row -> rows.add(row.getField(0) + "=" + row.getField(1)));
        }
        return rows;
    }

    private static List<String> expectedInInputOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = ROWS - 1; i >= 0; i--) {
            expected.add(i + "=n" + i);
        }
        return expected;
    }

    @Test
    void orderedOutputKeepsTheInputOrder() throws Exception {
        assertThat(join("ordered")).containsExactlyElementsOf(expectedInInputOrder());
    }

    @Test
    void unorderedOutputReturnsEveryMatch() throws Exception {
        assertThat(join("allow_unordered")).containsExactlyInAnyOrderElementsOf(expectedInInputOrder());
    }
}
