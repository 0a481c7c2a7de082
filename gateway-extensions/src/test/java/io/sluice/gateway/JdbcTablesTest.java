package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static io.sluice.gateway.testing.Jdbc.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL table registered in catalog-service (the machine's PostgreSQL on 127.0.0.1:5432), read and written
 * with the JDBC driver through the environment catalog as a {@code jdbc} table and looked up through the {@code dim}
 * connector's cache; its URL and password never show. A MariaDB table (127.0.0.1:3306) of a {@code mysql} data
 * source, which Flink 2.x's jdbc connector cannot read, is looked up through the {@code dim} connector all the same.
 */
class JdbcTablesTest {

    private static final String PG_URL = System.getProperty("sluice.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("sluice.test.pg.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("sluice.test.pg.password", "postgres");
    private static final String MARIADB_URL = System.getProperty("sluice.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
    private static final String MARIADB_USER = System.getProperty("sluice.test.mariadb.user", "root");
    private static final String TABLE = "gw_customers";
    private static final String TIERS = "gw_tiers";
    private static final String ORDERS = "customer_orders";

    private static GatewayStack stack;

    @BeforeAll
    static void registerPostgresTable() throws Exception {
        stack = GatewayStack.withFreeSlots();
        try (Connection pg = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement statement = pg.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO " + TABLE + " VALUES (1, 'ada'), (2, 'bo')");
        }
        registerTable("demo_pg", "postgresql", PG_URL, PG_USER, "{\"password\":\"" + PG_PASSWORD + "\"}", TABLE, "name");
        try (Connection mariadb = DriverManager.getConnection(MARIADB_URL, MARIADB_USER, "");
                Statement statement = mariadb.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TIERS);
            statement.execute("CREATE TABLE " + TIERS + " (id BIGINT PRIMARY KEY, tier VARCHAR(20))");
            statement.execute("INSERT INTO " + TIERS + " VALUES (1, 'gold'), (2, 'silver')");
        }
        registerTable("demo_maria", "mysql", MARIADB_URL, MARIADB_USER, "{}", TIERS, "tier");
        stack.publishOrdersLikeTopic(ORDERS);
        // customer 1 ordered four times: looked up once, then from the cache
        stack.produce(
                ORDERS,
                List.of(
                        "{\"order_id\":1,\"customer\":\"1\",\"amount\":1.00,\"order_time\":\"2026-11-01 10:00:00\"}",
                        "{\"order_id\":2,\"customer\":\"1\",\"amount\":2.00,\"order_time\":\"2026-11-01 10:01:00\"}",
                        "{\"order_id\":3,\"customer\":\"2\",\"amount\":3.00,\"order_time\":\"2026-11-01 10:02:00\"}",
                        "{\"order_id\":4,\"customer\":\"1\",\"amount\":4.00,\"order_time\":\"2026-11-01 10:03:00\"}",
                        "{\"order_id\":5,\"customer\":\"1\",\"amount\":5.00,\"order_time\":\"2026-11-01 10:04:00\"}",
                        "{\"order_id\":6,\"customer\":\"404\",\"amount\":6.00,\"order_time\":\"2026-11-01 10:05:00\"}"));
    }

    /** Registers a data source of the machine's database in test and publishes a table (id, and a text column) on it. */
    private static void registerTable(
            String dataSource, String kind, String url, String user, String secretsJson, String table, String textColumn) {
        stack.registerDataSource(dataSource, kind, url, user, secretsJson);
        stack.publishTable(
                table,
                dataSource,
                "[{\"name\":\"id\",\"type\":\"BIGINT NOT NULL\",\"comment\":\"customer number\"},"
                        + "{\"name\":\"" + textColumn + "\",\"type\":\"STRING\",\"comment\":\"customer " + textColumn + "\"}]",
                "[\"id\"]");
    }

    @Test
    void readsAndWritesThePostgresTableWithoutShowingItsConnection() throws Exception {
        String table = "test.demo_pg." + TABLE;
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String ddl = String.join("\n", firstColumn(statement, "SHOW CREATE TABLE " + table));
            assertThat(ddl)
                    .contains("'connector' = 'jdbc'", "'table-name' = '" + TABLE + "'", "PRIMARY KEY (`id`) NOT ENFORCED")
                    .doesNotContain(PG_URL, "password", "username");

            statement.execute("INSERT INTO " + table + " VALUES (3, 'cy')");
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT id, name FROM " + table)) {
                while (result.next()) {
                    rows.add(result.getLong(1) + " " + result.getString(2));
                }
            }
            assertThat(rows).containsExactlyInAnyOrder("1 ada", "2 bo", "3 cy");
            assertConnectionReadsNameAlice();

            // a scan reads only the columns the query uses
            String plan = String.join("\n", firstColumn(statement, "EXPLAIN SELECT name FROM " + table));
            assertThat(plan).contains("gw_customers, project=[name]");
        }
    }

    /**
     * The gateway reads the connection with its own token; catalog-service's audit names alice, whose statement
     * caused the read (only alice uses this data source, so every read of it is hers, whichever test came first).
     */
    private static void assertConnectionReadsNameAlice() throws Exception {
        JsonNode reads = new ObjectMapper().readTree(stack.catalogService(
                        "GET", "/api/v1/audit?action=datasource.connection.read&objectName=test%2Fdemo_pg",
                        GatewayStack.DANA, GatewayStack.DANA_PASSWORD, null))
                .path("items");
        assertThat(reads).isNotEmpty();
        for (JsonNode read : reads) {
            assertThat(read.path("actor").asText()).isEqualTo("gateway");
            assertThat(read.path("onBehalfOf").asText()).isEqualTo(ALICE);
        }
    }

    @Test
    void aLookupJoinReadsThePostgresTableThroughTheDimCache() throws Exception {
        long readsBefore = tableReads();
        List<String> joined = new ArrayList<>();
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT o.order_id, c.name FROM (SELECT order_id, CAST(customer AS BIGINT) AS customer_id, "
                                        + "PROCTIME() AS pt FROM test.demo_kafka." + ORDERS
                                        + " /*+ OPTIONS('scan.bounded.mode'='latest-offset') */) AS o "
                                        + "JOIN test.demo_pg." + TABLE + " FOR SYSTEM_TIME AS OF o.pt AS c "
                                        + "ON o.customer_id = c.id")) {
            while (rows.next()) {
                joined.add(rows.getLong(1) + " " + rows.getString(2));
            }
        }
        assertThat(joined).containsExactlyInAnyOrder("1 ada", "2 ada", "3 bo", "4 ada", "5 ada");
        // Flink's jdbc connector, without a cache, would read PostgreSQL once per order (6 times); the dim LRU cache
        // once per customer (1, 2 and the missing 404). PostgreSQL counts a session's reads when it ends.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (tableReads() - readsBefore < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1500);
        assertThat(tableReads() - readsBefore).isEqualTo(3);
    }

    /**
     * A data admin points the data source elsewhere: the gateway drops its cached connection when the change feed
     * says so, well before the connection TTL (5 minutes), and picks up the fix the same way.
     */
    @Test
    void aConnectionChangeReachesTheGatewayThroughTheChangeFeed() throws Exception {
        // one task (no aggregate): Flink 2.2.1 kills its TaskManager when a job fails while a downstream collect
        // sink is still opening (NullPointerException in CollectSinkFunction.accumulateFinalResults)
        String query = "SELECT id FROM test.demo_pg." + TABLE;
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThat(countOrFailure(statement, query)).as("the connection is cached").doesNotContain("refused");
            changeConnection("jdbc:postgresql://127.0.0.1:1/test");
            try {
                assertThat(untilWithin(Duration.ofSeconds(20), () -> countOrFailure(statement, query), r -> r.contains("refused")))
                        .contains("refused")
                        .doesNotContain("127.0.0.1:1/");
            } finally {
                changeConnection(PG_URL);
            }
            assertThat(untilWithin(Duration.ofSeconds(20), () -> countOrFailure(statement, query), r -> !r.contains("refused")))
                    .matches("\\d+");
        }
    }

    private static void changeConnection(String url) {
        stack.catalogService(
                "PUT", "/api/v1/datasources/demo_pg/connections/test", GatewayStack.DANA, GatewayStack.DANA_PASSWORD,
                "{\"properties\":{\"url\":\"" + url + "\",\"username\":\"" + PG_USER + "\"}}");
    }

    /** How many rows the query returns, or the reason it failed. */
    private static String countOrFailure(Statement statement, String query) {
        try (ResultSet rows = statement.executeQuery(query)) {
            long count = 0;
            while (rows.next()) {
                count++;
            }
            return Long.toString(count);
        } catch (Exception e) {
            return String.valueOf(reason(e));
        }
    }

    private static String untilWithin(Duration limit, Callable<String> attempt, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String result = attempt.call();
        while (!done.test(result) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            result = attempt.call();
        }
        return result;
    }

    @Test
    void aLookupJoinReadsTheMariaDbTableThroughTheDimCache() throws Exception {
        List<String> joined = new ArrayList<>();
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String ddl = String.join("\n", firstColumn(statement, "SHOW CREATE TABLE test.demo_maria." + TIERS));
            assertThat(ddl).contains("'table-name' = '" + TIERS + "'").doesNotContain(MARIADB_URL, "username");
            try (ResultSet rows =
                    statement.executeQuery(
                            "SELECT o.order_id, t.tier FROM (SELECT order_id, CAST(customer AS BIGINT) AS customer_id, "
                                    + "PROCTIME() AS pt FROM test.demo_kafka." + ORDERS
                                    + " /*+ OPTIONS('scan.bounded.mode'='latest-offset') */) AS o "
                                    + "LEFT JOIN test.demo_maria." + TIERS + " FOR SYSTEM_TIME AS OF o.pt AS t "
                                    + "ON o.customer_id = t.id")) {
                while (rows.next()) {
                    joined.add(rows.getLong(1) + " " + rows.getString(2));
                }
            }
        }
        assertThat(joined).containsExactlyInAnyOrder("1 gold", "2 gold", "3 silver", "4 gold", "5 gold", "6 null");
    }

    @Test
    void theMariaDbTableIsNeitherScannedNorWrittenAndTheErrorSaysWhy() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String sql :
                    List.of(
                            "SELECT * FROM test.demo_maria." + TIERS,
                            "INSERT INTO test.demo_maria." + TIERS + " VALUES (3, 'bronze')")) {
                assertThatThrownBy(() -> statement.execute(sql))
                        .as(sql)
                        .satisfies(
                                failure -> assertThat(reason(failure))
                                        .contains(
                                                "test.demo_maria." + TIERS,
                                                "can only be looked up",
                                                "FOR SYSTEM_TIME AS OF",
                                                "Flink's jdbc connector cannot read or write it: Could not find "
                                                        + "any jdbc factory that can handle url")
                                        .doesNotContain(MARIADB_URL, "Table options"));
            }
        }
        try (Connection mariadb = DriverManager.getConnection(MARIADB_URL, MARIADB_USER, "");
                Statement statement = mariadb.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM " + TIERS)) {
            assertThat(count.next()).isTrue();
            assertThat(count.getInt(1)).isEqualTo(2);
        }
    }

    /** Sequential and index scans of the table as PostgreSQL counts them. */
    private static long tableReads() throws Exception {
        try (Connection pg = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement statement = pg.createStatement();
                ResultSet reads =
                        statement.executeQuery(
                                "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables "
                                        + "WHERE relname = '" + TABLE + "'")) {
            assertThat(reads.next()).isTrue();
            return reads.getLong(1);
        }
    }
}
