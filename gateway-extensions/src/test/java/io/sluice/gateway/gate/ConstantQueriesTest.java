package io.sluice.gateway.gate;

import io.sluice.gateway.testing.GatewayStack;

import org.apache.flink.runtime.client.JobStatusMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Queries of literals only are answered from their plan, without a job, to Flink's JDBC driver and to Sluice's; any
 * other query still runs as a job and returns the same kind of answer.
 */
class ConstantQueriesTest {

    private static GatewayStack stack;

    @BeforeAll
    static void startStack() {
        stack = GatewayStack.withFreeSlots();
    }

    @Test
    void aQueryOfLiteralsReturnsItsRowsWithoutAJobToBothDrivers() throws Exception {
        for (Connection connection : List.of(flinkDriver(), sluiceDriver())) {
            try (connection; Statement statement = connection.createStatement()) {
                long jobs = jobCount();
                assertThat(rows(statement, "SELECT 1")).containsExactly(List.of(1));
                assertThat(rows(statement, "SELECT 'ok' AS status, CAST(7 AS BIGINT) AS n, CAST(NULL AS INT) AS nothing"))
                        .containsExactly(java.util.Arrays.asList("ok", 7L, null));
                assertThat(rows(statement, "VALUES (1, 'ab'), (2, 'cd')"))
                        .containsExactly(List.of(1, "ab"), List.of(2, "cd"));
                assertThat(rows(statement, "SELECT n FROM (VALUES (3), (4)) AS t(n)")).containsExactly(List.of(3), List.of(4));
                assertThat(jobCount()).as("jobs started for queries of literals").isEqualTo(jobs);

                try (ResultSet result = statement.executeQuery("SELECT 'ok' AS status, 42 AS answer")) {
                    ResultSetMetaData columns = result.getMetaData();
                    assertThat(columns.getColumnLabel(1)).isEqualTo("status");
                    assertThat(columns.getColumnType(1)).isEqualTo(Types.CHAR);
                    assertThat(columns.getColumnType(2)).isEqualTo(Types.INTEGER);
                    assertThat(columns.isNullable(2)).isEqualTo(ResultSetMetaData.columnNoNulls);
                }
            }
        }
    }

    @Test
    void aQueryWithAnythingButLiteralsStillRunsAsAJob() throws Exception {
        try (Connection connection = sluiceDriver(); Statement statement = connection.createStatement()) {
            long jobs = jobCount();
            assertThat(rows(statement, "SELECT 1 + 1")).containsExactly(List.of(2));
            assertThat(rows(statement, "SELECT n FROM (VALUES (1), (2)) AS t(n) WHERE n > 1")).containsExactly(List.of(2));
            assertThat(rows(statement, "SELECT UPPER('ok')")).containsExactly(List.of("OK"));
            assertThat(jobCount()).as("one job per query").isEqualTo(jobs + 3);
        }
    }

    @Test
    void aQueryOfLiteralsIsStillGated() throws Exception {
        try (Connection connection = sluiceDriver(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1; SELECT 2"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("one statement per request");
        }
    }

    private static Connection flinkDriver() throws SQLException {
        return connect(ALICE, ALICE_PASSWORD);
    }

    private static Connection sluiceDriver() throws SQLException {
        return DriverManager.getConnection("jdbc:sluice://127.0.0.1:" + stack.sluicePort + "/test", ALICE, ALICE_PASSWORD);
    }

    private static List<List<Object>> rows(Statement statement, String query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long jobCount() throws Exception {
        List<JobStatusMessage> jobs = new ArrayList<>(stack.miniCluster.listJobs().get());
        return jobs.size();
    }
}
