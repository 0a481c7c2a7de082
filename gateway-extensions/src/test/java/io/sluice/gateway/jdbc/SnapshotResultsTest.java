package io.sluice.gateway.jdbc;

import io.sluice.gateway.testing.GatewayStack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Snapshot results (the gateway's session setting {@code sluice.result-mode}, the driver's {@code resultMode}) as a
 * BI tool reads them through Sluice's JDBC driver: a query over a topic ends with the rows the topic holds, and an
 * aggregate gives its final rows once; a streaming connection still streams.
 */
class SnapshotResultsTest {

    private static final String ORDERS = "test.demo_kafka.snapshot_orders";

    private static GatewayStack stack;

    @BeforeAll
    static void startStack() {
        stack = GatewayStack.withFreeSlots();
        stack.publishOrdersLikeTopic("snapshot_orders");
        stack.publishTopic("snapshot_customers", "upsert",
                "[{\"name\":\"id\",\"type\":\"BIGINT NOT NULL\",\"comment\":\"customer id\"},"
                        + "{\"name\":\"name\",\"type\":\"STRING\",\"comment\":\"full name\"}]",
                "[\"id\"]");
        stack.produce("snapshot_orders", List.of(
                order(1, "ana", "1.00"), order(2, "ana", "2.00"), order(3, "bo", "4.00"),
                order(4, "ana", "3.50"), order(5, "bo", "0.25"), order(6, "cy", "7.00")));
    }

    private static String order(int id, String customer, String amount) {
        return "{\"order_id\":" + id + ",\"customer\":\"" + customer + "\",\"amount\":" + amount
                + ",\"order_time\":\"2026-11-02 11:00:0" + id + "\"}";
    }

    private static Connection connect(String query) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:sluice://127.0.0.1:" + stack.sluicePort + "/test" + query, ALICE, ALICE_PASSWORD);
    }

    @Test
    void aGroupByReturnsOneFinalRowPerKey() throws Exception {
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (Connection connection = connect(""); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT customer, SUM(amount) AS total FROM " + ORDERS + " GROUP BY customer")) {
            while (rows.next()) {
                assertThat(totals.put(rows.getString("customer"), rows.getBigDecimal("total")))
                        .as("one row for customer %s", rows.getString("customer"))
                        .isNull();
            }
        }
        assertThat(totals).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "ana", new BigDecimal("6.50"), "bo", new BigDecimal("4.25"), "cy", new BigDecimal("7.00"))));
        awaitNoRunningJobs();
    }

    @Test
    void selectStarEndsWithTheTopicsRows() throws Exception {
        assertThat(orderIds("SELECT * FROM " + ORDERS)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        awaitNoRunningJobs();
    }

    @Test
    void countIsOneRow() throws Exception {
        try (Connection connection = connect(""); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + ORDERS)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(6);
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void aQuerysOwnBoundWins() throws Exception {
        assertThat(orderIds("SELECT order_id FROM " + ORDERS + " /*+ OPTIONS('scan.bounded.mode'='specific-offsets', "
                + "'scan.bounded.specific-offsets'='partition:0,offset:2') */"))
                .containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void whatCannotEndIsRefusedNamingTheTable() throws Exception {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery(
                    "SELECT order_id FROM " + ORDERS + " /*+ OPTIONS('scan.bounded.mode'='unbounded') */"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Table test.demo_kafka.snapshot_orders cannot be read to an end")
                    .hasMessageContaining("resultMode=streaming");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM test.demo_kafka.snapshot_customers"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Table test.demo_kafka.snapshot_customers is an upsert topic")
                    .hasMessageContaining("resultMode=streaming");
        }
        awaitNoRunningJobs();
    }

    @Test
    void aStreamingConnectionStreamsUntilCancelled() throws Exception {
        try (Connection connection = connect("?resultMode=streaming");
                Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("SELECT order_id FROM " + ORDERS);
            CountDownLatch allSix = new CountDownLatch(6);
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                try {
                    while (rows.next()) {
                        allSix.countDown();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getSQLState() + " " + e.getMessage());
                }
            });
            assertThat(allSix.await(30, TimeUnit.SECONDS)).as("the topic's rows arrive").isTrue();
            Thread.sleep(1_000);
            assertThat(reader).as("a streaming query goes on after the rows the topic has").isNotDone();
            assertThat(runningJobs()).isEqualTo(1);
            statement.cancel();
            assertThatThrownBy(() -> reader.get(30, TimeUnit.SECONDS))
                    .hasMessageContaining("57014 The statement was cancelled");
        }
        awaitNoRunningJobs();
    }

    @Test
    void setSwitchesTheSessionAndRefusesOtherModes() throws Exception {
        try (Connection connection = connect("?resultMode=streaming");
                Statement statement = connection.createStatement()) {
            statement.execute("SET 'sluice.result-mode' = 'snapshot'");
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + ORDERS)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(6);
                assertThat(rows.next()).isFalse();
            }
            assertThatThrownBy(() -> statement.execute("SET 'sluice.result-mode' = 'final'"))
                    .hasMessageContaining("'sluice.result-mode' is either 'snapshot' or 'streaming'");
        }
        assertThatThrownBy(() -> connect("?resultMode=final"))
                .hasMessageContaining("resultMode must be snapshot or streaming");
    }

    private static List<Long> orderIds(String query) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = connect(""); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                ids.add(rows.getLong("order_id"));
            }
        }
        return ids;
    }

    private static long runningJobs() throws Exception {
        return stack.miniCluster.listJobs().get().stream()
                .filter(job -> !job.getJobState().isGloballyTerminalState())
                .count();
    }

    private static void awaitNoRunningJobs() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (runningJobs() > 0) {
            assertThat(System.nanoTime()).as("the query's job ends").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
