package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics published in catalog-service, read and written with the JDBC driver through the environment catalog,
 * on the in-JVM broker; their address never shows.
 */
class KafkaTablesTest {

    private static GatewayStack stack;

    @BeforeAll
    static void publishTopicsAndProduce() throws Exception {
        stack = GatewayStack.withFreeSlots();
        stack.publishOrdersLikeTopic("order_copies");
        stack.publishOrdersLikeTopic("timed_orders", "{\"column\":\"order_time\",\"delayMs\":5000}");
        stack.produce(
                "timed_orders",
                List.of(
                        "{\"order_id\":1,\"customer\":\"ada\",\"amount\":1.00,\"order_time\":\"2026-11-01 10:00:00\"}",
                        "{\"order_id\":2,\"customer\":\"bo\",\"amount\":2.00,\"order_time\":\"2026-11-01 10:05:00\"}",
                        "{\"order_id\":3,\"customer\":\"cy\",\"amount\":3.00,\"order_time\":\"2026-11-01 10:09:59\"}",
                        "{\"order_id\":4,\"customer\":\"ada\",\"amount\":4.00,\"order_time\":\"2026-11-01 10:12:00\"}"));
        stack.produce(
                "orders",
                List.of(
                        "{\"order_id\":1,\"customer\":\"ada\",\"amount\":12.50,\"order_time\":\"2026-11-01 10:00:00\"}",
                        "{\"order_id\":2,\"customer\":\"bo\",\"amount\":3.99,\"order_time\":\"2026-11-01 10:05:00\"}",
                        "{\"order_id\":3,\"customer\":\"cy\",\"amount\":100.00,\"order_time\":\"2026-11-01 10:09:00\"}"));
    }

    @Test
    void readsRowsOfATopicThroughTheCatalogTable() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT order_id, customer, amount FROM test.demo_kafka.orders "
                                        + "/*+ OPTIONS('scan.bounded.mode'='latest-offset') */")) {
            List<String> read = new ArrayList<>();
            while (rows.next()) {
                read.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getBigDecimal(3));
            }
            assertThat(read).contains("1 ada 12.50", "2 bo 3.99", "3 cy 100.00");
        }
    }

    @Test
    void aTopicWithEventTimeIsWindowedByIt() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String ddl = String.join("\n", firstColumn(statement, "SHOW CREATE TABLE test.demo_kafka.timed_orders"));
            assertThat(ddl).contains("WATERMARK FOR `order_time` AS `order_time` - INTERVAL '5.000' SECOND");
            // a window function takes no hint: a view bounds the topic to what it holds now
            statement.execute(
                    "CREATE TEMPORARY VIEW timed_orders_now AS SELECT * FROM test.demo_kafka.timed_orders "
                            + "/*+ OPTIONS('scan.bounded.mode'='latest-offset') */");
            List<String> windows = new ArrayList<>();
            try (ResultSet rows =
                    statement.executeQuery(
                            "SELECT window_start, COUNT(*), SUM(amount) FROM TABLE(TUMBLE(TABLE timed_orders_now, "
                                    + "DESCRIPTOR(order_time), INTERVAL '10' MINUTE)) GROUP BY window_start, window_end")) {
                while (rows.next()) {
                    windows.add(rows.getTimestamp(1).toLocalDateTime() + " " + rows.getLong(2) + " " + rows.getBigDecimal(3));
                }
            }
            assertThat(windows).containsExactlyInAnyOrder("2026-11-01T10:00 3 6.00", "2026-11-01T10:10 1 4.00");
        }
    }

    @Test
    void writesAnotherTopic() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO test.demo_kafka.order_copies SELECT * FROM test.demo_kafka.orders /*+ OPTIONS('scan.bounded.mode'='latest-offset') */");
        }
        List<String> copies = stack.consume("order_copies", 3, Duration.ofSeconds(60));
        assertThat(copies).hasSizeGreaterThanOrEqualTo(3);
        assertThat(String.join("\n", copies)).contains("\"customer\":\"ada\"", "\"customer\":\"cy\"");
    }

    @Test
    void upsertTopicIsAnUpsertKafkaTableKeyedByItsPrimaryKey() throws Exception {
        stack.publishTopic(
                "customer_totals",
                "upsert",
                "[{\"name\":\"customer\",\"type\":\"STRING NOT NULL\",\"comment\":\"customer name\"},"
                        + "{\"name\":\"total\",\"type\":\"DECIMAL(10, 2)\",\"comment\":\"sum of orders\"}]",
                "[\"customer\"]");
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String ddl = String.join("\n", firstColumn(statement, "SHOW CREATE TABLE test.demo_kafka.customer_totals"));
            assertThat(ddl)
                    .contains("'connector' = 'upsert-kafka'", "'key.format' = 'json'", "PRIMARY KEY (`customer`) NOT ENFORCED")
                    .doesNotContain(stack.kafkaBootstrapServers);
            statement.execute(
                    "INSERT INTO test.demo_kafka.customer_totals SELECT customer, CAST(SUM(amount) AS DECIMAL(10, 2)) "
                            + "FROM test.demo_kafka.orders /*+ OPTIONS('scan.bounded.mode'='latest-offset') */ "
                            + "GROUP BY customer");
        }
        assertThat(String.join("\n", stack.consume("customer_totals", 3, Duration.ofSeconds(60))))
                .contains("\"customer\":\"ada\"", "\"total\":");
    }

    @Test
    void aKeyOnAColumnDesignedNullableIsNotNullAndTheTableWorks() throws Exception {
        stack.publishTopic(
                "keyed_payments",
                "upsert",
                "[{\"name\":\"id\",\"type\":\"BIGINT\",\"comment\":\"payment number\"},"
                        + "{\"name\":\"amount\",\"type\":\"DECIMAL(10, 2)\",\"comment\":\"paid\"}]",
                "[\"id\"]");
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String ddl = String.join("\n", firstColumn(statement, "SHOW CREATE TABLE test.demo_kafka.keyed_payments"));
            assertThat(ddl).contains("`id` BIGINT NOT NULL COMMENT 'payment number'", "PRIMARY KEY (`id`) NOT ENFORCED");
            List<String> described = new ArrayList<>();
            assertThat(statement.execute("DESCRIBE test.demo_kafka.keyed_payments")).isTrue();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    described.add(rows.getString(1) + " " + rows.getString(2) + " nullable=" + rows.getObject(3));
                }
            }
            assertThat(described).containsExactly("id BIGINT nullable=false", "amount DECIMAL(10, 2) nullable=true");
            statement.execute("INSERT INTO test.demo_kafka.keyed_payments VALUES (1, 1.50), (2, 2.50)");
        }
        assertThat(stack.consume("keyed_payments", 2, Duration.ofSeconds(60))).hasSizeGreaterThanOrEqualTo(2);
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT id, amount FROM test.demo_kafka.keyed_payments "
                                        + "/*+ OPTIONS('scan.bounded.mode'='latest-offset') */")) {
            List<String> read = new ArrayList<>();
            while (rows.next()) {
                read.add(rows.getLong(1) + " " + rows.getBigDecimal(2));
            }
            assertThat(read).contains("1 1.50", "2 2.50");
        }
    }

    @Test
    void aPublicationReachesAnOpenSessionThroughTheChangeFeed() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThat(firstColumn(statement, "SHOW TABLES IN test.demo_kafka")).doesNotContain("late_orders");
            // the session's view is cached for the catalog TTL (minutes here); the change feed drops it
            stack.publishOrdersLikeTopic("late_orders");
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            List<String> tables = firstColumn(statement, "SHOW TABLES IN test.demo_kafka");
            while (!tables.contains("late_orders") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                tables = firstColumn(statement, "SHOW TABLES IN test.demo_kafka");
            }
            assertThat(tables).contains("late_orders");
        }
    }

    @Test
    void tableDefinitionsShowNoConnectionDetails() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String ddl = String.join("\n", firstColumn(statement, "SHOW CREATE TABLE test.demo_kafka.orders"));
            assertThat(ddl)
                    .contains("`order_id` BIGINT COMMENT 'order number'", "'connector' = 'kafka'", "'topic' = 'orders'")
                    .doesNotContain(stack.kafkaBootstrapServers, "bootstrap");
            String described = String.join("\n", firstColumn(statement, "DESCRIBE test.demo_kafka.orders"));
            assertThat(described).contains("order_id", "customer", "amount", "order_time");
            statement.execute("SET 'table.local-time-zone' = 'UTC'");
            String config = String.join("\n", firstColumn(statement, "SET"));
            // the job tags and the endpoint's settings are the gateway's: never listed
            assertThat(config)
                    .contains("table.local-time-zone")
                    .doesNotContain("pipeline.global-job-parameters", stack.kafkaBootstrapServers, ALICE_PASSWORD,
                            "sql-gateway.endpoint.", "catalog-service");
        }
    }
}
