package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.HostileConfigs;
import io.sluice.gateway.testing.HostileMarkers;
import io.sluice.gateway.testing.TrapAddress;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.GatewayStack.DANA;
import static io.sluice.gateway.testing.GatewayStack.DANA_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static io.sluice.gateway.testing.Jdbc.reason;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile connection configs written straight into catalog-service's database, around its API (as someone with
 * access to the database, or an older version without the connection rules, would), never reach a driver or
 * client: the gateway checks each connection it reads against the same rules before it builds a connector option.
 *
 * <p>Each config mirrors a kind of row of the hostile corpus ({@code HostileConnections}; the gateway's unit test
 * {@code ConnectionOptionsTest} feeds it the whole corpus), aimed at something this test watches ({@link
 * HostileConfigs}): the addresses point at a {@link TrapAddress}, the classes are {@link HostileMarkers} that leave a
 * file when instantiated, the files H2 would create or Kafka's config provider would read are in this test's folder.
 * {@code HostileConnectionDetectorsTest} shows that each of them, handed to its driver or client directly, trips
 * what this test watches.
 *
 * <p>The rows are written while catalog-service is stopped (H2 lets one process open its file), with a connection
 * change event for each, as catalog-service itself (or an older version) writes one with every connection change:
 * the gateway drops what it cached at once. Without the event the gateway would go on with the connection it checked
 * before until its TTL ran out (5 minutes in these tests), then read the hostile one and refuse it the same way.
 * The configs are restored through the API, which writes its own events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileConnectionRowsTest {

    private static final String PG_URL = System.getProperty("sluice.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("sluice.test.pg.user", "postgres");
    /** PostgreSQL trusts local connections: any password does, and this one must never show. */
    private static final String PG_PASSWORD = "hx-password-" + UUID.randomUUID();

    private static final String PG = "hx_pg";
    private static final String JDBC = "hx_jdbc";
    private static final String PG_SMUGGLED = "hx_pg_smuggled";
    private static final String KAFKA_FILES = "hx_kafka_files";
    private static final String KAFKA_CLASSES = "hx_kafka_classes";
    private static final String ORDERS = "hx_orders";

    /** The database table of each JDBC data source, and the topic of each Kafka one. */
    private static final Map<String, String> TABLES =
            Map.of(PG, "hx_pg_rows", JDBC, "hx_jdbc_rows", PG_SMUGGLED, "hx_smuggled_rows",
                    KAFKA_FILES, "hx_files_topic", KAFKA_CLASSES, "hx_classes_topic");

    private static GatewayStack stack;
    private static TrapAddress trap;
    private static Path markers;
    /** Per data source: the hostile properties written to its row. */
    private static final Map<String, Map<String, String>> HOSTILE = new LinkedHashMap<>();

    @BeforeAll
    static void writeHostileRowsAroundCatalogService() throws Exception {
        stack = GatewayStack.withFreeSlots();
        trap = new TrapAddress();
        markers = Files.createTempDirectory("sluice-hostile-markers-");
        System.setProperty(HostileMarkers.DIRECTORY_PROPERTY, markers.toString());
        Path kafkaSecret = Files.writeString(markers.resolve("kafka.properties"), "address=" + trap.hostAndPort() + "\n");

        registerDatabaseSources();
        registerKafkaSource(KAFKA_FILES);
        registerKafkaSource(KAFKA_CLASSES);
        stack.publishOrdersLikeTopic(ORDERS);
        // planning builds the source, so the gateway caches hx_pg's good connection: the event written with the
        // hostile row must drop it
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThat(String.join("\n", firstColumn(statement, "EXPLAIN " + select(PG)))).contains(TABLES.get(PG));
        }

        HostileConfigs configs = new HostileConfigs(trap, markers, kafkaSecret);
        HOSTILE.put(PG, configs.postgresSocketFactory(PG_USER));
        HOSTILE.put(JDBC, configs.h2Init(PG_USER));
        HOSTILE.put(PG_SMUGGLED, configs.postgresSmuggled(PG_USER));
        HOSTILE.put(KAFKA_FILES, configs.kafkaFileProvider());
        HOSTILE.put(KAFKA_CLASSES, configs.kafkaInterceptor());
        writeAroundCatalogService(HOSTILE);
    }

    @AfterAll
    static void closeTheTrap() throws Exception {
        System.clearProperty(HostileMarkers.DIRECTORY_PROPERTY);
        if (trap != null) {
            trap.close();
        }
    }

    /** A statement on a table of a data source whose row is hostile, and the property its refusal must name. */
    private record Refusal(String sql, String dataSource, String property) {}

    @Test
    @Order(1)
    void everyStatementOnAHostileRowIsRefusedNamingSourceEnvironmentAndPropertyAndNothingRan() throws Exception {
        List<Refusal> refusals =
                List.of(
                        new Refusal(select(PG), PG, "properties.url"),
                        new Refusal("INSERT INTO " + table(PG) + " VALUES (9, 'mallory')", PG, "properties.url"),
                        new Refusal(
                                "SELECT o.order_id, c.name FROM (SELECT order_id, CAST(customer AS BIGINT) AS cid, "
                                        + "PROCTIME() AS pt FROM test.demo_kafka." + ORDERS + ") AS o JOIN " + table(PG)
                                        + " FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.id",
                                PG, "properties.url"),
                        new Refusal(select(JDBC), JDBC, "properties.url"),
                        new Refusal(select(PG_SMUGGLED), PG_SMUGGLED, "properties.url"),
                        new Refusal(select(KAFKA_FILES), KAFKA_FILES, "properties.bootstrap.servers"),
                        new Refusal(select(KAFKA_CLASSES), KAFKA_CLASSES, "properties.interceptor.classes"));
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            // the change feed is read every 300 ms: hx_pg's cached good connection goes with the first poll
            String first = untilRefused(statement, refusals.get(0).sql());
            for (Refusal refusal : refusals) {
                String message = refusal == refusals.get(0) ? first : failure(statement, refusal.sql());
                assertThat(message)
                        .as(refusal.sql())
                        .contains("data source '" + refusal.dataSource() + "' in environment 'test'",
                                ": " + refusal.property() + ": ", "A data admin must correct it in catalog-service")
                        .doesNotContain(PG_PASSWORD, trap.hostAndPort(), markers.toString(),
                                HostileMarkers.class.getName(), "FileConfigProvider");
                String refusedValue =
                        HOSTILE.get(refusal.dataSource()).get(refusal.property().substring("properties.".length()));
                assertThat(message).as(refusal.sql()).doesNotContain(refusedValue);
            }
        }
        // nothing any config asked for happened: no class of its choosing was instantiated, no H2 database file was
        // created, no connection reached the address it named (nor the one in the file Kafka's provider would read)
        assertThat(markers).isDirectoryNotContaining(path -> !path.getFileName().toString().equals("kafka.properties"));
        assertThat(trap.connects()).isZero();
        assertThat(rowCount(TABLES.get(PG))).as("the refused INSERT wrote nothing").isEqualTo(2);
    }

    @Test
    @Order(2)
    void onceADataAdminRestoresTheConfigsTheSameStatementsWorkAgain() throws Exception {
        for (String dataSource : List.of(PG, JDBC, PG_SMUGGLED)) {
            restore(dataSource, "{\"url\":\"" + PG_URL + "\",\"username\":\"" + PG_USER + "\"}");
        }
        for (String dataSource : List.of(KAFKA_FILES, KAFKA_CLASSES)) {
            restore(dataSource, "{\"bootstrap.servers\":\"" + stack.kafkaBootstrapServers + "\"}");
        }
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThat(untilRefused(statement, select(PG), false)).as("hx_pg after the restore").isEqualTo("2");
            statement.execute("INSERT INTO " + table(PG) + " VALUES (3, 'cy')");
            // the driver returns once the INSERT's job is submitted; it commits when the job ends
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (rowCount(TABLES.get(PG)) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(rowCount(TABLES.get(PG))).isEqualTo(3);
            // the other sources' SELECTs in one job, to spare the shared cluster four: 2 + 2 rows, empty topics
            assertThat(count(statement, String.join(" UNION ALL ",
                            select(JDBC), select(PG_SMUGGLED), select(KAFKA_FILES), select(KAFKA_CLASSES))))
                    .isEqualTo(4);
        }
        assertThat(trap.connects()).isZero();
    }

    private static void registerDatabaseSources() throws Exception {
        for (String dataSource : List.of(PG, JDBC, PG_SMUGGLED)) {
            String table = TABLES.get(dataSource);
            try (Connection pg = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                    Statement statement = pg.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
                statement.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name TEXT)");
                statement.execute("INSERT INTO " + table + " VALUES (1, 'ada'), (2, 'bo')");
            }
            stack.registerDataSource(dataSource, JDBC.equals(dataSource) ? "jdbc" : "postgresql", PG_URL, PG_USER,
                    "{\"password\":\"" + PG_PASSWORD + "\"}");
            stack.publishTable(
                    table,
                    dataSource,
                    "[{\"name\":\"id\",\"type\":\"BIGINT NOT NULL\",\"comment\":\"customer number\"},"
                            + "{\"name\":\"name\",\"type\":\"STRING\",\"comment\":\"customer name\"}]",
                    "[\"id\"]");
        }
    }

    private static void registerKafkaSource(String dataSource) {
        stack.catalogService(
                "POST", "/api/v1/datasources", DANA, DANA_PASSWORD,
                "{\"name\":\"" + dataSource + "\",\"kind\":\"kafka\",\"managementMode\":\"managed\","
                        + "\"environmentScope\":\"test\",\"description\":\"the stack's broker\",\"connections\":"
                        + "{\"test\":{\"properties\":{\"bootstrap.servers\":\"" + stack.kafkaBootstrapServers
                        + "\"},\"secrets\":{}}}}");
        stack.publishOrdersLikeTopicOn(dataSource, TABLES.get(dataSource));
    }

    /**
     * Stops catalog-service, replaces the (non-secret) properties of each data source's test connection, records a
     * connection change for each as catalog-service does (the next ids of the feed's counter), and starts it again.
     * The sealed secrets stay as they were.
     */
    private static void writeAroundCatalogService(Map<String, Map<String, String>> properties) throws Exception {
        stack.stopCatalogService();
        try (Connection catalog = DriverManager.getConnection(stack.catalogDatabaseUrl(), "sa", "")) {
            catalog.setAutoCommit(false);
            long lastId;
            try (Statement statement = catalog.createStatement();
                    ResultSet end = statement.executeQuery("select last_id from change_feed_end where id = 1")) {
                assertThat(end.next()).isTrue();
                lastId = end.getLong(1);
            }
            for (Map.Entry<String, Map<String, String>> source : properties.entrySet()) {
                try (PreparedStatement update =
                        catalog.prepareStatement(
                                "update data_source_connections set properties = ? where environment = 'TEST' and "
                                        + "data_source_id = (select id from data_sources where name = ?)")) {
                    update.setString(1, json(source.getValue()));
                    update.setString(2, source.getKey());
                    assertThat(update.executeUpdate()).as(source.getKey()).isEqualTo(1);
                }
                try (PreparedStatement event =
                        catalog.prepareStatement(
                                "insert into change_events (id, at, kind, environment, data_source) "
                                        + "values (?, ?, 'CONNECTION', 'TEST', ?)")) {
                    event.setLong(1, ++lastId);
                    event.setObject(2, OffsetDateTime.now());
                    event.setString(3, source.getKey());
                    event.executeUpdate();
                }
            }
            try (PreparedStatement end = catalog.prepareStatement("update change_feed_end set last_id = ? where id = 1")) {
                end.setLong(1, lastId);
                end.executeUpdate();
            }
            catalog.commit();
        } finally {
            stack.restartCatalogService();
        }
    }

    /** The properties as catalog-service stores them: one flat JSON object of strings. */
    private static String json(Map<String, String> properties) {
        List<String> entries = new ArrayList<>();
        properties.forEach((key, value) -> entries.add(quote(key) + ":" + quote(value)));
        return "{" + String.join(",", entries) + "}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void restore(String dataSource, String propertiesJson) {
        stack.catalogService(
                "PUT", "/api/v1/datasources/" + dataSource + "/connections/test", DANA, DANA_PASSWORD,
                "{\"properties\":" + propertiesJson + "}");
    }

    private static String table(String dataSource) {
        return "test." + dataSource + "." + TABLES.get(dataSource);
    }

    /** A bounded scan: Kafka topics to their current end. */
    private static String select(String dataSource) {
        return dataSource.startsWith("hx_kafka")
                ? "SELECT order_id FROM " + table(dataSource) + " /*+ OPTIONS('scan.bounded.mode'='latest-offset') */"
                : "SELECT id FROM " + table(dataSource);
    }

    private static long count(Statement statement, String sql) throws Exception {
        long count = 0;
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                count++;
            }
        }
        return count;
    }

    /** The reason the statement failed; fails the test when it did not. */
    private static String failure(Statement statement, String sql) {
        try {
            statement.execute(sql);
        } catch (Exception e) {
            return String.valueOf(reason(e));
        }
        throw new AssertionError("not refused: " + sql);
    }

    private static String untilRefused(Statement statement, String sql) throws Exception {
        return untilRefused(statement, sql, true);
    }

    /** Runs the query until it is refused (or, with {@code refused} false, until it returns rows): its row count or reason. */
    private static String untilRefused(Statement statement, String sql, boolean refused) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            String outcome;
            try {
                outcome = Long.toString(count(statement, sql));
            } catch (Exception e) {
                outcome = String.valueOf(reason(e));
            }
            if (outcome.contains("connection rules") == refused || System.nanoTime() > deadline) {
                return outcome;
            }
            Thread.sleep(300);
        }
    }

    private static long rowCount(String table) throws Exception {
        try (Connection pg = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement statement = pg.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            assertThat(count.next()).isTrue();
            return count.getLong(1);
        }
    }
}
