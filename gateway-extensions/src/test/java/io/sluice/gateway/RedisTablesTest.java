package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static io.sluice.gateway.testing.Jdbc.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A table of a Redis data source registered in catalog-service (the machine's Redis on 127.0.0.1:6379) joined as a
 * dimension table with the JDBC driver: the gateway makes it a {@code dim} table keyed by its primary key, with no
 * connector options from the user, and its address never shows. Rows are JSON strings, or hashes when the table's
 * format in catalog-service is {@code hash}.
 */
class RedisTablesTest {

    private static final String REDIS_HOST = "127.0.0.1";
    private static final int REDIS_PORT = 6379;
    /** Unique per run: the table name is the prefix of its rows' Redis keys, and Redis is shared. */
    private static final String TIERS = "gw_tiers_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final String UNKEYED = TIERS + "_unkeyed";
    /** The same rows kept as Redis hashes, one hash field per column. */
    private static final String HASH_TIERS = TIERS + "_h";
    private static final String ORDERS = "tier_orders";

    private static GatewayStack stack;

    @BeforeAll
    static void registerRedisTables() {
        stack = GatewayStack.get();
        try (Jedis redis = new Jedis(REDIS_HOST, REDIS_PORT)) {
            redis.set(TIERS + ":ada", "{\"tier\":\"gold\",\"discount\":10}");
            redis.set(TIERS + ":bo", "{\"tier\":\"silver\",\"discount\":5}");
            redis.hset(HASH_TIERS + ":ada", Map.of("tier", "gold", "discount", "10"));
            redis.hset(HASH_TIERS + ":bo", Map.of("tier", "silver", "discount", "5"));
        }
        stack.catalogService(
                "POST", "/api/v1/datasources", GatewayStack.DANA, GatewayStack.DANA_PASSWORD,
                "{\"name\":\"demo_redis\",\"kind\":\"redis\",\"managementMode\":\"registered\","
                        + "\"environmentScope\":\"test\",\"description\":\"the machine's Redis\","
                        + "\"connections\":{\"test\":{\"properties\":{\"host\":\"" + REDIS_HOST + "\",\"port\":\""
                        + REDIS_PORT + "\",\"database\":\"0\"}}}}");
        String columns =
                "[{\"name\":\"customer\",\"type\":\"STRING NOT NULL\",\"comment\":\"customer name\"},"
                        + "{\"name\":\"tier\",\"type\":\"STRING\",\"comment\":\"loyalty tier\"},"
                        + "{\"name\":\"discount\",\"type\":\"INT\",\"comment\":\"percent off\"}]";
        stack.publishTable(TIERS, "demo_redis", columns, "[\"customer\"]");
        stack.publishTable(UNKEYED, "demo_redis", columns, "[]");
        stack.publishTable(HASH_TIERS, "demo_redis", columns, "[\"customer\"]", "hash");
        stack.publishOrdersLikeTopic(ORDERS);
        stack.produce(
                ORDERS,
                List.of(
                        "{\"order_id\":1,\"customer\":\"ada\",\"amount\":12.50,\"order_time\":\"2026-11-01 10:00:00\"}",
                        "{\"order_id\":2,\"customer\":\"bo\",\"amount\":3.99,\"order_time\":\"2026-11-01 10:05:00\"}",
                        "{\"order_id\":3,\"customer\":\"cy\",\"amount\":100.00,\"order_time\":\"2026-11-01 10:09:00\"}"));
    }

    @AfterAll
    static void removeRows() {
        try (Jedis redis = new Jedis(REDIS_HOST, REDIS_PORT)) {
            redis.del(TIERS + ":ada", TIERS + ":bo", HASH_TIERS + ":ada", HASH_TIERS + ":bo");
        }
    }

    @Test
    void aStreamIsJoinedWithTheRedisTableByItsPrimaryKey() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String ddl = String.join("\n", firstColumn(statement, "SHOW CREATE TABLE test.demo_redis." + TIERS));
            assertThat(ddl)
                    .contains("'connector' = 'dim'", "PRIMARY KEY (`customer`) NOT ENFORCED")
                    .doesNotContain(REDIS_HOST, String.valueOf(REDIS_PORT), "host", "password");

            List<String> joined = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(lookupJoin(TIERS, "JOIN"))) {
                while (rows.next()) {
                    joined.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getInt(4));
                }
            }
            assertThat(joined).containsExactlyInAnyOrder("1 ada gold 10", "2 bo silver 5");
        }
    }

    @Test
    void aRedisTableOfHashesIsJoinedTheSameWay() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String ddl = String.join("\n", firstColumn(statement, "SHOW CREATE TABLE test.demo_redis." + HASH_TIERS));
            assertThat(ddl).contains("'valueFormat' = 'hash'").doesNotContain(REDIS_HOST);
            List<String> joined = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(lookupJoin(HASH_TIERS, "LEFT JOIN"))) {
                while (rows.next()) {
                    joined.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getObject(4));
                }
            }
            assertThat(joined).containsExactlyInAnyOrder("1 ada gold 10", "2 bo silver 5", "3 cy null null");
        }
    }

    @Test
    void aRedisTableWithoutPrimaryKeyCannotBeLookedUp() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery(lookupJoin(UNKEYED, "LEFT JOIN")))
                    .satisfies(
                            failure -> assertThat(reason(failure))
                                    .contains("test.demo_redis." + UNKEYED, "no primary key")
                                    .doesNotContain(REDIS_HOST));
        }
    }

    @Test
    void aRedisTableIsNotWritten() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(
                            () -> statement.execute(
                                    "INSERT INTO test.demo_redis." + TIERS + " VALUES ('dee', 'bronze', 1)"))
                    .satisfies(failure -> assertThat(reason(failure)).contains(TIERS, "cannot write it"));
        }
    }

    /** Orders with a processing-time attribute (a catalog table has none), each looked up in the Redis table. */
    private static String lookupJoin(String redisTable, String join) {
        return "SELECT o.order_id, o.customer, t.tier, t.discount "
                + "FROM (SELECT order_id, customer, PROCTIME() AS pt FROM test.demo_kafka." + ORDERS
                + " /*+ OPTIONS('scan.bounded.mode'='latest-offset') */) AS o "
                + join + " test.demo_redis." + redisTable + " FOR SYSTEM_TIME AS OF o.pt AS t "
                + "ON o.customer = t.customer";
    }
}
