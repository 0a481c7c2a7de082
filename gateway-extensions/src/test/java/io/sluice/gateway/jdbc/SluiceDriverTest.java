package io.sluice.gateway.jdbc;

import io.sluice.gateway.testing.GatewayStack;
import io.sluice.templates.InjectionCorpus;

import org.apache.flink.runtime.client.JobStatusMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.GatewayStack.BOB;
import static io.sluice.gateway.testing.GatewayStack.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sluice's own JDBC driver (jdbc:sluice://) against the real gateway, as BI tools and applications call it. */
class SluiceDriverTest {

    private static GatewayStack stack;

    @BeforeAll
    static void startStack() {
        stack = GatewayStack.withFreeSlots();
        stack.publishTopic("keyed_customers", "upsert",
                "[{\"name\":\"id\",\"type\":\"BIGINT NOT NULL\",\"comment\":\"customer id\"},"
                        + "{\"name\":\"name\",\"type\":\"STRING\",\"comment\":\"full name\"}]",
                "[\"id\"]");
        // a topic of its own: other test classes of this JVM count the rows of the stack's orders topic
        stack.publishOrdersLikeTopic("driver_orders");
        stack.produce("driver_orders", List.of(
                "{\"order_id\":500,\"customer\":\"jo\",\"amount\":5.00,\"order_time\":\"2026-11-02 11:00:00\"}",
                "{\"order_id\":501,\"customer\":\"jo\",\"amount\":5.01,\"order_time\":\"2026-11-02 11:01:00\"}",
                "{\"order_id\":502,\"customer\":\"al\",\"amount\":5.02,\"order_time\":\"2026-11-02 11:02:00\"}"));
    }

    static String url(String path) {
        return "jdbc:sluice://127.0.0.1:" + stack.sluicePort + path;
    }

    static Connection alice(String path) throws SQLException {
        return DriverManager.getConnection(url(path), ALICE, ALICE_PASSWORD);
    }

    @Test
    void connectsWithPasswordInTheUrlPathsEnvironmentAndDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                url("/test.demo_kafka?user=" + ALICE + "&password=" + ALICE_PASSWORD))) {
            assertThat(connection.getCatalog()).isEqualTo("test");
            assertThat(connection.getSchema()).isEqualTo("demo_kafka");
            connection.setCatalog("prod");
            assertThat(connection.getCatalog()).isEqualTo("prod");
        }
    }

    @Test
    void connectsWithAToken() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("token", stack.issueToken(ALICE, ALICE_PASSWORD));
        try (Connection connection = DriverManager.getConnection(url(""), properties)) {
            assertThat(connection.getCatalog()).isEqualTo("test");
        }
    }

    @Test
    void refusesUnknownSettingsAndConflicts() {
        assertThatThrownBy(() -> DriverManager.getConnection(url("?user=alice&pasword=x")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("'pasword' is not a setting of this driver");
        Properties properties = new Properties();
        properties.setProperty("user", BOB);
        assertThatThrownBy(() -> DriverManager.getConnection(url("?user=alice"), properties))
                .hasMessageContaining("'user' is given in the URL and as a property with different values");
    }

    @Test
    void errorsCarryTheGatewaysMessageAndSqlState() throws Exception {
        assertThatThrownBy(() -> DriverManager.getConnection(url(""), ALICE, "not-her-password"))
                .isInstanceOf(java.sql.SQLInvalidAuthorizationSpecException.class)
                .satisfies(e -> {
                    assertThat(((SQLException) e).getSQLState()).isEqualTo("28000");
                    assertThat(e.getMessage()).startsWith("Login failed: ").doesNotContain("\tat ");
                });
        try (Connection connection = alice(""); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELEC 1"))
                    .isInstanceOf(java.sql.SQLSyntaxErrorException.class)
                    .satisfies(e -> {
                        assertThat(((SQLException) e).getSQLState()).isEqualTo("42000");
                        assertThat(e.getMessage()).doesNotContain("\tat ", "Failed to get response");
                    });
        }
        try (Connection connection = DriverManager.getConnection(url(""), BOB, BOB_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT customer FROM test.demo_kafka.orders"))
                    .satisfies(e -> {
                        assertThat(((SQLException) e).getSQLState()).isEqualTo("42501");
                        assertThat(e.getMessage()).startsWith("Access denied: ");
                    });
        }
    }

    @Test
    void isValidAsksTheSessionWithoutAJob() throws Exception {
        Connection connection = alice("");
        int jobs = stack.miniCluster.listJobs().get().size();
        assertThat(connection.isValid(5)).isTrue();
        assertThat(stack.miniCluster.listJobs().get()).hasSize(jobs);
        connection.close();
        assertThat(connection.isValid(5)).isFalse();
        assertThat(connection.isClosed()).isTrue();
    }

    @Test
    void metadataShowsWhatTheSessionOffers() throws Exception {
        try (Connection connection = alice("")) {
            DatabaseMetaData meta = connection.getMetaData();
            assertThat(column(meta.getCatalogs(), "TABLE_CAT")).containsExactly("prod", "test");
            assertThat(column(meta.getSchemas("test", "demo\\_%"), "TABLE_SCHEM")).contains("demo_kafka");
            assertThat(column(meta.getSchemas(), "TABLE_CATALOG")).contains("test");
            assertThat(column(meta.getTables("test", "demo_kafka", "ord%", null), "TABLE_NAME")).contains("orders");
            try (ResultSet tables = meta.getTables("test", "demo_kafka", "orders", new String[] {"TABLE"})) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_TYPE")).isEqualTo("TABLE");
                assertThat(tables.getString("REMARKS")).isEqualTo("Orders placed in the demo shop");
                assertThat(tables.next()).isFalse();
            }
            try (ResultSet columns = meta.getColumns("test", "demo_kafka", "orders", "%")) {
                List<String> described = new ArrayList<>();
                while (columns.next()) {
                    described.add(columns.getString("COLUMN_NAME") + " " + columns.getInt("DATA_TYPE") + " "
                            + columns.getString("TYPE_NAME") + " " + columns.getInt("COLUMN_SIZE") + " "
                            + columns.getInt("DECIMAL_DIGITS") + " " + columns.getInt("NULLABLE") + " "
                            + columns.getInt("ORDINAL_POSITION") + " " + columns.getString("REMARKS"));
                }
                assertThat(described).containsExactly(
                        "order_id " + Types.BIGINT + " BIGINT 19 0 1 1 order number",
                        "customer " + Types.VARCHAR + " VARCHAR(2147483647) 2147483647 0 1 2 customer name",
                        "amount " + Types.DECIMAL + " DECIMAL(10, 2) 10 2 1 3 order total",
                        "order_time " + Types.TIMESTAMP + " TIMESTAMP(3) 23 3 1 4 when the order was placed");
            }
            try (ResultSet keys = meta.getPrimaryKeys("test", "demo_kafka", "keyed_customers")) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getString("COLUMN_NAME")).isEqualTo("id");
                assertThat(keys.getShort("KEY_SEQ")).isEqualTo((short) 1);
                assertThat(keys.next()).isFalse();
            }
            try (ResultSet columns = meta.getColumns("test", "demo_kafka", "keyed_customers", "id")) {
                assertThat(columns.next()).isTrue();
                assertThat(columns.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
                assertThat(columns.getString("IS_NULLABLE")).isEqualTo("NO");
            }
            assertThat(column(meta.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
            assertThat(column(meta.getTypeInfo(), "TYPE_NAME")).contains("INT", "VARCHAR", "DECIMAL", "TIMESTAMP");
            assertThat(column(meta.getFunctions("test", "demo_kafka", "%"), "FUNCTION_NAME")).isNotNull();
            assertThat(column(meta.getImportedKeys("test", "demo_kafka", "orders"), "PKTABLE_NAME")).isEmpty();
            assertThat(meta.getIdentifierQuoteString()).isEqualTo("`");
            assertThat(meta.storesMixedCaseIdentifiers()).isTrue();
            assertThat(meta.supportsMixedCaseQuotedIdentifiers()).isTrue();
            assertThat(meta.getDatabaseProductVersion()).startsWith("2.2");
            assertThat(meta.getDriverName()).isEqualTo("Sluice JDBC driver");
            assertThatThrownBy(() -> connection.prepareCall("CALL x()"))
                    .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
        }
    }

    private static List<String> column(ResultSet rows, String label) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(label));
            }
        }
        return values;
    }

    @Test
    void showAndDescribeReturnRowsToExecuteQuery() throws Exception {
        try (Connection connection = alice("/test.demo_kafka"); Statement statement = connection.createStatement()) {
            assertThat(column(statement.executeQuery("SHOW TABLES"), "table name")).contains("orders");
            assertThat(column(statement.executeQuery("DESCRIBE orders"), "name")).contains("order_id");
            assertThat(statement.executeUpdate("USE CATALOG prod")).isZero();
            assertThat(statement.getUpdateCount()).isZero();
        }
    }

    @Test
    void resultsConvertEveryType() throws Exception {
        try (Connection connection = alice(""); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT CAST(1 AS TINYINT) AS t, CAST(2 AS SMALLINT) AS s, "
                        + "3 AS i, CAST(4 AS BIGINT) AS b, CAST(1.5 AS FLOAT) AS f, CAST(2.5 AS DOUBLE) AS d, "
                        + "CAST(12.34 AS DECIMAL(10, 2)) AS dcm, TRUE AS bool, 'text' AS str, "
                        + "CAST('ab' AS CHAR(2)) AS ch, DATE '2026-12-02' AS dt, TIME '10:15:30' AS tm, "
                        + "TIMESTAMP '2026-12-02 10:15:30.123' AS ts, X'CAFE' AS bin, ARRAY[1, 2] AS arr, "
                        + "MAP['a', 1] AS mp, ROW(1, 'x') AS r, CAST(NULL AS INT) AS nothing, "
                        + "CAST(3000000000 AS BIGINT) AS big, "
                        + "CAST(TIMESTAMP '2026-12-02 10:15:30.123' AS TIMESTAMP_LTZ(3)) AS ltz")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertThat(meta.getColumnCount()).isEqualTo(20);
            assertThat(meta.getColumnType(1)).isEqualTo(Types.TINYINT);
            assertThat(meta.getColumnType(3)).isEqualTo(Types.INTEGER);
            assertThat(meta.getColumnType(7)).isEqualTo(Types.DECIMAL);
            assertThat(meta.getPrecision(7)).isEqualTo(10);
            assertThat(meta.getScale(7)).isEqualTo(2);
            assertThat(meta.getColumnType(13)).isEqualTo(Types.TIMESTAMP);
            assertThat(meta.getColumnType(15)).isEqualTo(Types.ARRAY);
            assertThat(meta.isNullable(3)).isEqualTo(ResultSetMetaData.columnNoNulls);
            assertThat(meta.getColumnLabel(9)).isEqualTo("str");

            assertThat(rows.next()).isTrue();
            assertThat(rows.getByte("t")).isEqualTo((byte) 1);
            assertThat(rows.getShort("s")).isEqualTo((short) 2);
            assertThat(rows.getInt("i")).isEqualTo(3);
            assertThat(rows.getString("i")).isEqualTo("3");
            assertThat(rows.getLong("i")).isEqualTo(3L);
            assertThat(rows.getDouble("i")).isEqualTo(3.0);
            assertThat(rows.getObject("i")).isEqualTo(3);
            assertThat(rows.getLong("b")).isEqualTo(4L);
            assertThat(rows.getFloat("f")).isEqualTo(1.5f);
            assertThat(rows.getDouble("d")).isEqualTo(2.5);
            assertThat(rows.getBigDecimal("dcm")).isEqualByComparingTo(new BigDecimal("12.34"));
            assertThat(rows.getString("dcm")).isEqualTo("12.34");
            assertThatThrownBy(() -> rows.getInt("dcm")).hasMessageContaining("has a fraction");
            assertThat(rows.getBoolean("bool")).isTrue();
            assertThat(rows.getString("str")).isEqualTo("text");
            assertThat(rows.getString("ch")).isEqualTo("ab");
            assertThat(rows.getDate("dt")).isEqualTo(java.sql.Date.valueOf("2026-12-02"));
            assertThat(rows.getObject("dt", java.time.LocalDate.class)).isEqualTo(java.time.LocalDate.of(2026, 12, 2));
            assertThat(rows.getTime("tm")).isEqualTo(java.sql.Time.valueOf("10:15:30"));
            assertThat(rows.getTimestamp("ts")).isEqualTo(java.sql.Timestamp.valueOf("2026-12-02 10:15:30.123"));
            java.util.Calendar utc = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
            assertThat(rows.getTimestamp("ts", utc).toInstant())
                    .isEqualTo(java.time.Instant.parse("2026-12-02T10:15:30.123Z"));
            assertThat(rows.getDate("ts")).isEqualTo(java.sql.Date.valueOf("2026-12-02"));
            assertThat(rows.getBytes("bin")).containsExactly(0xCA, 0xFE);
            assertThat(rows.getObject("arr")).isEqualTo(List.of(BigDecimal.valueOf(1), BigDecimal.valueOf(2)));
            assertThat(rows.getObject("mp")).isEqualTo(java.util.Map.of("a", BigDecimal.valueOf(1)));
            assertThat(rows.getObject("r")).isInstanceOf(java.util.Map.class);
            assertThat(rows.getInt("nothing")).isZero();
            assertThat(rows.wasNull()).isTrue();
            assertThat(rows.getObject("nothing")).isNull();
            assertThat(rows.getInt("i")).isEqualTo(3);
            assertThat(rows.wasNull()).isFalse();
            assertThatThrownBy(() -> rows.getInt("big")).hasMessageContaining("out of the range of int")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
            assertThat(rows.getObject("ltz")).isInstanceOf(java.time.OffsetDateTime.class);
            assertThat(rows.getTimestamp("ltz")).isNotNull();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                assertThat(rows.getString(column) == null).as("getString(%d)", column).isEqualTo(column == 18);
                assertThat(rows.getObject(column) == null).as("getObject(%d)", column).isEqualTo(column == 18);
            }
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void preparedStatementsBindTypedLiterals() throws Exception {
        try (Connection connection = alice("");
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT ? AS s, ? AS i, ? AS d, ? AS b, ? AS dt, ? AS ts, ? AS n, '?' AS q -- ?")) {
            assertThat(statement.getParameterMetaData().getParameterCount()).isEqualTo(7);
            statement.setString(1, "it's");
            statement.setInt(2, 42);
            statement.setBigDecimal(3, new BigDecimal("12.50"));
            statement.setBoolean(4, true);
            statement.setDate(5, java.sql.Date.valueOf("2026-12-02"));
            statement.setTimestamp(6, java.sql.Timestamp.valueOf("2026-12-02 10:15:30.250"));
            statement.setNull(7, Types.INTEGER);
            assertThat(statement.getParameterMetaData().getParameterType(2)).isEqualTo(Types.INTEGER);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("s")).isEqualTo("it's");
                assertThat(rows.getLong("i")).isEqualTo(42);
                assertThat(rows.getBigDecimal("d")).isEqualByComparingTo("12.50");
                assertThat(rows.getBoolean("b")).isTrue();
                assertThat(rows.getDate("dt")).isEqualTo(java.sql.Date.valueOf("2026-12-02"));
                assertThat(rows.getTimestamp("ts")).isEqualTo(java.sql.Timestamp.valueOf("2026-12-02 10:15:30.25"));
                assertThat(rows.getObject("n")).isNull();
                assertThat(rows.getString("q")).isEqualTo("?");
            }
            statement.clearParameters();
            assertThatThrownBy(statement::executeQuery).hasMessageContaining("Parameter 1 is not set");
        }
    }

    /** A sample of the hostile corpus through the gateway; jdbc-driver's PreparedSqlTest binds all of it. */
    @Test
    void hostileValuesComeBackAsThemselves() throws Exception {
        List<String> corpus = InjectionCorpus.values();
        try (Connection connection = alice(""); PreparedStatement statement = connection.prepareStatement(
                "SELECT ? AS v")) {
            for (int i = 0; i < corpus.size(); i += Math.max(1, corpus.size() / 20)) {
                statement.setString(1, corpus.get(i));
                try (ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).as("corpus value %d", i).isEqualTo(corpus.get(i));
                    assertThat(rows.next()).isFalse();
                }
            }
        }
    }

    @Test
    void maxRowsEndsAStreamingQueryAndFreesTheJob() throws Exception {
        try (Connection connection = alice("?resultMode=streaming"); Statement statement = connection.createStatement()) {
            statement.setMaxRows(2);
            try (ResultSet rows = statement.executeQuery("SELECT order_id FROM test.demo_kafka.driver_orders")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.next()).isTrue();
                assertThat(rows.next()).isFalse();
            }
            // the close the result set sent without waiting ends the job, with the connection still open
            awaitNoRunningJobs();
        }
    }

    @Test
    void cancelEndsTheRunningQuery() throws Exception {
        try (Connection connection = alice("?resultMode=streaming"); Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("SELECT order_id FROM test.demo_kafka.driver_orders");
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                try {
                    while (rows.next()) {
                        // a topic never ends: read until cancelled
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getSQLState() + " " + e.getMessage());
                }
            });
            Thread.sleep(500);
            statement.cancel();
            assertThatThrownBy(() -> reader.get(30, TimeUnit.SECONDS))
                    .hasMessageContaining("57014 The statement was cancelled");
        }
        awaitNoRunningJobs();
    }

    @Test
    void aQueryTimeoutEndsAQueryThatWaitsForRows() throws Exception {
        try (Connection connection = alice("?resultMode=streaming"); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            ResultSet rows = statement.executeQuery("SELECT order_id FROM test.demo_kafka.driver_orders WHERE order_id < 0");
            assertThatThrownBy(rows::next)
                    .isInstanceOf(java.sql.SQLTimeoutException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
        }
        awaitNoRunningJobs();
    }

    @Test
    void batchesRunOneStatementPerRow() throws Exception {
        try (Connection connection = alice(""); PreparedStatement statement = connection.prepareStatement(
                "SET 'table.local-time-zone' = ?")) {
            statement.setString(1, "UTC");
            statement.addBatch();
            statement.setString(1, "Europe/Berlin");
            statement.addBatch();
            assertThat(statement.executeBatch()).containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO);
        }
    }

    private static void awaitNoRunningJobs() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            boolean running = false;
            for (JobStatusMessage job : stack.miniCluster.listJobs().get()) {
                running |= !job.getJobState().isGloballyTerminalState();
            }
            if (!running) {
                return;
            }
            assertThat(System.nanoTime()).as("the query's job ends").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
