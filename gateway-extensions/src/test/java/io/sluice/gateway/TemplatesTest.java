package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayRest;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.LogWatch;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.GatewayStack.BOB;
import static io.sluice.gateway.testing.GatewayStack.BOB_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * SQL templates run on the real gateway, from Flink's JDBC driver and from the gateway's REST API: every platform
 * preset against the Kafka broker, the machine's PostgreSQL (sinks) and MariaDB (a {@code dim} lookup), with the rows
 * that arrive checked; the errors a template run can meet; and a secret variable that no answer and no log line
 * shows.
 */
class TemplatesTest {

    private static final String PG_URL = System.getProperty("sluice.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("sluice.test.pg.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("sluice.test.pg.password", "postgres");
    private static final String MARIADB_URL = System.getProperty("sluice.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
    private static final String ORDERS = "test.demo_kafka.tpl_orders";
    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ORDER_COLUMNS =
            "[{\"name\":\"order_id\",\"type\":\"BIGINT NOT NULL\",\"comment\":\"order number\"},"
                    + "{\"name\":\"customer\",\"type\":\"STRING\",\"comment\":\"customer name\"},"
                    + "{\"name\":\"amount\",\"type\":\"DECIMAL(10, 2)\",\"comment\":\"order total\"},"
                    + "{\"name\":\"order_time\",\"type\":\"TIMESTAMP(3)\",\"comment\":\"when\"}]";

    private static GatewayStack stack;

    /** The two clients every preset runs from. */
    enum Client {
        JDBC,
        REST;

        String suffix() {
            return name().toLowerCase();
        }
    }

    @BeforeAll
    static void publishTablesAndOrders() throws Exception {
        stack = GatewayStack.withFreeSlots();
        stack.publishOrdersLikeTopic("tpl_orders", "{\"column\":\"order_time\",\"delayMs\":0}");
        stack.produce("tpl_orders", List.of(
                order(1, "ada", "10.00", "10:00:10"),
                order(2, "bo", "20.00", "10:00:20"),
                order(3, "ada", "30.00", "10:00:50"),
                order(4, "ada", "5.00", "10:01:10"),
                order(5, "bo", "7.00", "10:01:30"),
                order(6, "cy", "1.00", "10:02:00"),
                // moves the event time on, so that the windows of 10:00 to 10:03 close
                order(7, "zed", "0.50", "10:30:00")));

        stack.registerDataSource("tpl_pg", "postgresql", PG_URL, PG_USER, "{\"password\":\"" + PG_PASSWORD + "\"}");
        stack.registerDataSource("tpl_maria", "mysql", MARIADB_URL, "root", "{}");
        try (Connection pg = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement statement = pg.createStatement()) {
            for (Client client : Client.values()) {
                String s = client.suffix();
                recreate(statement, "tpl_copy_" + s, "order_id BIGINT PRIMARY KEY, customer TEXT, amount NUMERIC(10,2), order_time TIMESTAMP(3)");
                recreate(statement, "tpl_first_" + s, "customer TEXT PRIMARY KEY, order_id BIGINT, amount NUMERIC(10,2), order_time TIMESTAMP(3)");
                recreate(statement, "tpl_top_" + s, "customer TEXT, order_id BIGINT, amount NUMERIC(10,2), PRIMARY KEY (customer, order_id)");
            }
            recreate(statement, "tpl_secret_sink", "order_id BIGINT PRIMARY KEY, customer TEXT, amount NUMERIC(10,2), order_time TIMESTAMP(3)");
        }
        try (Connection maria = DriverManager.getConnection(MARIADB_URL, "root", "");
                Statement statement = maria.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS tpl_tiers");
            statement.execute("CREATE TABLE tpl_tiers (customer_name VARCHAR(20) PRIMARY KEY, tier VARCHAR(20))");
            statement.execute("INSERT INTO tpl_tiers VALUES ('ada', 'gold'), ('bo', 'silver')");
        }
        stack.publishTable("tpl_tiers", "tpl_maria",
                "[{\"name\":\"customer_name\",\"type\":\"STRING NOT NULL\",\"comment\":\"customer\"},"
                        + "{\"name\":\"tier\",\"type\":\"STRING\",\"comment\":\"loyalty tier\"}]",
                "[\"customer_name\"]");
        for (Client client : Client.values()) {
            String s = client.suffix();
            stack.publishTable("tpl_copy_" + s, "tpl_pg", ORDER_COLUMNS, "[\"order_id\"]");
            stack.publishTable("tpl_first_" + s, "tpl_pg",
                    "[{\"name\":\"customer\",\"type\":\"STRING NOT NULL\",\"comment\":\"customer\"},"
                            + "{\"name\":\"order_id\",\"type\":\"BIGINT\",\"comment\":\"first order\"},"
                            + "{\"name\":\"amount\",\"type\":\"DECIMAL(10, 2)\",\"comment\":\"its total\"},"
                            + "{\"name\":\"order_time\",\"type\":\"TIMESTAMP(3)\",\"comment\":\"when\"}]",
                    "[\"customer\"]");
            stack.publishTable("tpl_top_" + s, "tpl_pg",
                    "[{\"name\":\"customer\",\"type\":\"STRING NOT NULL\",\"comment\":\"customer\"},"
                            + "{\"name\":\"order_id\",\"type\":\"BIGINT NOT NULL\",\"comment\":\"order\"},"
                            + "{\"name\":\"amount\",\"type\":\"DECIMAL(10, 2)\",\"comment\":\"its total\"}]",
                    "[\"customer\", \"order_id\"]");
            stack.publishTopic("tpl_windows_" + s, "append",
                    "[{\"name\":\"customer\",\"type\":\"STRING\",\"comment\":\"customer\"},"
                            + "{\"name\":\"window_start\",\"type\":\"TIMESTAMP(3)\",\"comment\":\"from\"},"
                            + "{\"name\":\"window_end\",\"type\":\"TIMESTAMP(3)\",\"comment\":\"to\"},"
                            + "{\"name\":\"orders\",\"type\":\"BIGINT\",\"comment\":\"orders in the window\"},"
                            + "{\"name\":\"total\",\"type\":\"DECIMAL(38, 2)\",\"comment\":\"their total\"}]",
                    "[]");
            stack.publishTopic("tpl_enriched_" + s, "append",
                    "[{\"name\":\"order_id\",\"type\":\"BIGINT\",\"comment\":\"order\"},"
                            + "{\"name\":\"customer\",\"type\":\"STRING\",\"comment\":\"customer\"},"
                            + "{\"name\":\"amount\",\"type\":\"DECIMAL(10, 2)\",\"comment\":\"its total\"},"
                            + "{\"name\":\"tier\",\"type\":\"STRING\",\"comment\":\"the customer's tier\"}]",
                    "[]");
        }
        stack.publishTable("tpl_secret_sink", "tpl_pg", ORDER_COLUMNS, "[\"order_id\"]");
    }

    private static String order(int id, String customer, String amount, String time) {
        return "{\"order_id\":" + id + ",\"customer\":\"" + customer + "\",\"amount\":" + amount
                + ",\"order_time\":\"2026-11-01 " + time + "\"}";
    }

    private static void recreate(Statement statement, String table, String columns) throws SQLException {
        statement.execute("DROP TABLE IF EXISTS " + table);
        statement.execute("CREATE TABLE " + table + " (" + columns + ")");
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void topicToJdbcUpsert(Client client) throws Exception {
        String sink = "tpl_copy_" + client.suffix();
        try (Job job = run(client, "EXECUTE TEMPLATE topic_to_jdbc_upsert WITH ('source' = '" + ORDERS + "', "
                + "'sink' = 'test.tpl_pg." + sink + "', 'batch_size' = '2', 'flush_interval' = '200 ms')")) {
            assertThat(until(() -> postgres("SELECT order_id || ' ' || customer || ' ' || amount FROM " + sink), 7))
                    .containsExactlyInAnyOrder("1 ada 10.00", "2 bo 20.00", "3 ada 30.00", "4 ada 5.00", "5 bo 7.00",
                            "6 cy 1.00", "7 zed 0.50");
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void windowedAggregation(Client client) throws Exception {
        String sink = "tpl_windows_" + client.suffix();
        try (Job job = run(client, "EXECUTE TEMPLATE windowed_aggregation WITH ('source' = '" + ORDERS + "', "
                + "'sink' = 'test.demo_kafka." + sink + "', 'key' = 'customer', 'time_column' = 'order_time', "
                + "'measure' = 'amount', 'window' = '1 min')")) {
            List<String> windows = new ArrayList<>();
            for (String record : stack.consume(sink, 5, ARRIVAL)) {
                JsonNode row = JSON.readTree(record);
                windows.add(row.get("customer").asText() + " " + row.get("window_start").asText().substring(11, 16)
                        + " " + row.get("orders").asLong() + " "
                        + row.get("total").decimalValue().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
            }
            assertThat(windows).containsExactlyInAnyOrder(
                    "ada 10:00 2 40.00", "bo 10:00 1 20.00", "ada 10:01 1 5.00", "bo 10:01 1 7.00", "cy 10:02 1 1.00");
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void deduplicate(Client client) throws Exception {
        String sink = "tpl_first_" + client.suffix();
        try (Job job = run(client, "EXECUTE TEMPLATE deduplicate WITH ('source' = '" + ORDERS + "', "
                + "'sink' = 'test.tpl_pg." + sink + "', "
                + "'columns' = '[\"customer\", \"order_id\", \"amount\", \"order_time\"]', 'key' = '[\"customer\"]', "
                + "'time_column' = 'order_time')")) {
            List<String> first = until(() -> postgres("SELECT customer || ' ' || order_id FROM " + sink), 4);
            // each customer's first order by event time, the later ones dropped
            assertThat(first).containsExactlyInAnyOrder("ada 1", "bo 2", "cy 6", "zed 7");
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void topN(Client client) throws Exception {
        String sink = "tpl_top_" + client.suffix();
        try (Job job = run(client, "EXECUTE TEMPLATE top_n WITH ('source' = '" + ORDERS + "', "
                + "'sink' = 'test.tpl_pg." + sink + "', 'columns' = '[\"customer\", \"order_id\", \"amount\"]', "
                + "'partition_key' = '[\"customer\"]', 'order_column' = 'amount', 'n' = '2')")) {
            // ada's third order (5.00) is never among her two largest
            assertThat(until(() -> postgres("SELECT customer || ' ' || order_id FROM " + sink), 6))
                    .containsExactlyInAnyOrder("ada 3", "ada 1", "bo 2", "bo 5", "cy 6", "zed 7");
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void lookupEnrich(Client client) throws Exception {
        String sink = "tpl_enriched_" + client.suffix();
        try (Job job = run(client, "EXECUTE TEMPLATE lookup_enrich WITH ('source' = '" + ORDERS + "', "
                + "'dimension' = 'test.tpl_maria.tpl_tiers', 'sink' = 'test.demo_kafka." + sink + "', "
                + "'columns' = '[\"order_id\", \"customer\", \"amount\"]', 'dimension_columns' = '[\"tier\"]', "
                + "'key' = 'customer', 'dimension_key' = 'customer_name')")) {
            List<String> enriched = new ArrayList<>();
            for (String record : stack.consume(sink, 5, ARRIVAL)) {
                JsonNode row = JSON.readTree(record);
                enriched.add(row.get("order_id").asLong() + " " + row.get("tier").asText());
            }
            // cy and zed have no tier: an inner lookup join drops them
            assertThat(enriched).containsExactlyInAnyOrder("1 gold", "2 silver", "3 gold", "4 gold", "5 silver");
        }
    }

    @Test
    void refusedRunsNameWhatWasWrong() throws Exception {
        String copy = "'source' = '" + ORDERS + "', 'sink' = 'test.tpl_pg.tpl_copy_jdbc'";
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThat(failure(statement, "EXECUTE TEMPLATE topic_to_jdbc_upsert WITH ('source' = '" + ORDERS + "')"))
                    .contains("sink");
            assertThat(failure(statement, "EXECUTE TEMPLATE topic_to_jdbc_upsert WITH (" + copy + ", 'batch_size' = 'many')"))
                    .contains("batch_size").containsIgnoringCase("integer");
            assertThat(failure(statement, "EXECUTE TEMPLATE topic_to_jdbc_upsert WITH (" + copy + ", 'batch' = '5')"))
                    .contains("batch");
            assertThat(failure(statement,
                    "EXECUTE TEMPLATE topic_to_jdbc_upsert WITH ('source' = '" + ORDERS + "', 'sink' = 'test.tpl_pg.no_such_table')"))
                    .contains("sink", "no_such_table");
            assertThat(failure(statement, "EXECUTE TEMPLATE no_such_template")).contains("no_such_template");
            assertThat(failure(statement, "EXECUTE TEMPLATE topic_to_jdbc_upsert VERSION 99 WITH (" + copy + ")"))
                    .contains("99");
            assertThat(failure(statement, "EXECUTE TEMPLATE topic_to_jdbc_upsert WITH (" + copy))
                    .containsIgnoringCase("EXECUTE TEMPLATE");
            assertThat(failure(statement, "SELECT ${no_such_variable}")).contains("variable 'no_such_variable' is not defined");
            // a value is a literal: it can neither end the statement nor add to it
            assertThat(failure(statement, "EXECUTE TEMPLATE top_n WITH ('source' = '" + ORDERS + "', "
                    + "'sink' = 'test.tpl_pg.tpl_top_jdbc', 'columns' = '[\"customer\"]', 'partition_key' = '[\"customer\"]', "
                    + "'order_column' = 'amount', 'n' = '2; DROP TABLE x')"))
                    .contains("'n'");
        }
        // bob's project holds no grant on demo's tables: the denial names the parameter that bound the table
        try (Connection connection = connect(BOB, BOB_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThat(failure(statement, "EXECUTE TEMPLATE topic_to_jdbc_upsert WITH (" + copy + ")"))
                    .startsWith("[Access denied: parameter '")
                    .containsPattern("parameter '(source|sink)' of template topic_to_jdbc_upsert version \\d+: ");
        }
    }

    /**
     * A statement's variables are the session's environment's: the project's value, unless the current catalog's
     * environment sets its own; the built-ins say which environment and project.
     */
    @Test
    void variablesFollowTheSessionsEnvironment() throws Exception {
        String variable = "tpl_region";
        stack.catalogService("PUT", "/api/v1/projects/demo/variables/" + variable, ALICE, ALICE_PASSWORD,
                "{\"kind\":\"string\",\"value\":\"everywhere\"}");
        stack.catalogService("PUT", "/api/v1/projects/demo/variables/" + variable, ALICE, ALICE_PASSWORD,
                "{\"kind\":\"string\",\"value\":\"it's prod\",\"environment\":\"prod\"}");
        String query = "SELECT ${" + variable + "}, ${environment}, ${project}, ${current_date} = CURRENT_DATE";
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("USE CATALOG test");
            assertThat(allColumns(statement, query)).containsExactly("everywhere test demo true");
            statement.execute("USE CATALOG prod");
            assertThat(allColumns(statement, query)).containsExactly("it's prod prod demo true");
        } finally {
            stack.catalogService("DELETE", "/api/v1/projects/demo/variables/" + variable + "?environment=prod", ALICE,
                    ALICE_PASSWORD, null);
            stack.catalogService("DELETE", "/api/v1/projects/demo/variables/" + variable, ALICE, ALICE_PASSWORD, null);
        }
    }

    /**
     * A project's secret variable filters orders by a customer name that is itself secret: the job proves the value
     * is bound (that customer's orders do not arrive), and no answer of the gateway or catalog-service, no job name
     * and no log line of the gateway's JVM or of catalog-service's shows it.
     */
    @Test
    void aSecretVariableIsBoundButNeverShown() throws Exception {
        // the hidden customer's name is the secret; long enough for the gateway's redactor (6 characters)
        String secret = "zz" + UUID.randomUUID().toString().substring(0, 8);
        String secretName = "tpl_hidden_customer";
        String orders = "test.demo_kafka.tpl_secret_orders";
        stack.publishOrdersLikeTopic("tpl_secret_orders");
        stack.produce("tpl_secret_orders", List.of(
                order(1, "ada", "10.00", "10:00:10"), order(2, secret, "9.00", "10:00:20"), order(3, "bo", "20.00", "10:00:30")));
        try (LogWatch gatewayLog = new LogWatch()) {
            CompletableFuture<String> catalogLog = stack.watchCatalogServiceLog(line -> line.contains(secret));
            List<String> answers = new ArrayList<>();
            answers.add(stack.catalogService("PUT", "/api/v1/projects/demo/variables/" + secretName, ALICE, ALICE_PASSWORD,
                    "{\"kind\":\"string\",\"value\":\"" + secret + "\",\"secret\":true}"));
            answers.add(stack.catalogService("GET", "/api/v1/projects/demo/variables", ALICE, ALICE_PASSWORD, null));
            answers.add(stack.catalogService("POST", "/api/v1/projects/demo/templates", ALICE, ALICE_PASSWORD,
                    "{\"name\":\"orders_but_one\",\"description\":\"every order but the hidden customer's\","
                            + "\"sql\":\"INSERT INTO ${sink} SELECT * FROM ${source} WHERE customer <> ${" + secretName + "}\","
                            + "\"parameters\":" + SOURCE_AND_SINK + "}"));
            answers.add(stack.catalogService("POST", "/api/v1/projects/demo/templates/orders_but_one/render", ALICE,
                    ALICE_PASSWORD, "{\"environment\":\"test\",\"values\":{\"source\":\"" + orders
                            + "\",\"sink\":\"test.tpl_pg.tpl_secret_sink\"}}"));
            assertThat(answers.get(answers.size() - 1)).contains("customer <>");
            answers.add(saveTemplate("secret_as_row", "SELECT ${" + secretName + "} AS customer", "[]"));
            answers.add(saveTemplate("secret_in_error", "INSERT INTO ${sink} SELECT * FROM ${source} WHERE "
                    + "CAST(no_such_column AS STRING) = ${" + secretName + "}", SOURCE_AND_SINK));
            try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                    Statement statement = connection.createStatement()) {
                // a statement typed in a session could show it, or copy it into a table its user reads
                String typed = failure(statement, "SELECT ${" + secretName + "}");
                assertThat(typed).contains("variable '" + secretName + "' is secret");
                answers.add(typed);
                answers.add(failure(statement, "EXPLAIN SELECT * FROM " + orders + " WHERE customer = ${" + secretName + "}"));
                answers.add(failure(statement, "INSERT INTO test.tpl_pg.tpl_secret_sink SELECT * FROM " + orders
                        + " WHERE customer = ${" + secretName + "}"));
                // nor does a template's: not as its query's rows, nor in an error of Flink's naming the literal
                String asRow = failure(statement, "EXECUTE TEMPLATE secret_as_row");
                assertThat(asRow).contains("must be an INSERT");
                String inError = failure(statement, "EXECUTE TEMPLATE secret_in_error WITH ('source' = '" + orders
                        + "', 'sink' = 'test.tpl_pg.tpl_secret_sink')");
                assertThat(inError).contains("no_such_column");
                answers.addAll(List.of(asRow, inError));
                try (Job job = run(Client.JDBC, "EXECUTE TEMPLATE orders_but_one WITH ('source' = '" + orders + "', "
                        + "'sink' = 'test.tpl_pg.tpl_secret_sink')")) {
                    // bound: the hidden customer's order does not arrive
                    assertThat(until(() -> postgres("SELECT customer FROM tpl_secret_sink"), 2))
                            .containsExactlyInAnyOrder("ada", "bo");
                    String jobs = String.join("\n", allColumns(statement, "SHOW JOBS"));
                    assertThat(jobs).contains(job.id);
                    answers.add(jobs);
                }
            }
            assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(secret));
            assertThat(gatewayLog.size()).as("the gateway's JVM logged at all").isPositive();
            assertThat(gatewayLog.linesContaining(secret)).isEmpty();
            assertThat(catalogLog).isNotDone();
        } finally {
            stack.catalogService("DELETE", "/api/v1/projects/demo/variables/" + secretName, ALICE, ALICE_PASSWORD, null);
        }
    }

    private static final String SOURCE_AND_SINK =
            "[{\"name\":\"source\",\"kind\":\"table\"},{\"name\":\"sink\",\"kind\":\"table\"}]";

    /** Saves a template of demo's through catalog-service's API, answering its reply. */
    private static String saveTemplate(String name, String sql, String parameters) throws Exception {
        return stack.catalogService("POST", "/api/v1/projects/demo/templates", ALICE, ALICE_PASSWORD,
                "{\"name\":\"" + name + "\",\"description\":\"a secret where it must not go\",\"sql\":\"" + sql
                        + "\",\"parameters\":" + parameters + "}");
    }

    /** Every column of every row of a statement that returns rows, one line per row. */
    private static List<String> allColumns(Statement statement, String sql) throws SQLException {
        assertThat(statement.execute(sql)).isTrue();
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.getResultSet()) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    // getObject: Flink's driver cannot getString a TIMESTAMP column (SHOW JOBS' start time)
                    row.add(String.valueOf(result.getObject(column)));
                }
                rows.add(String.join(" ", row));
            }
        }
        return rows;
    }

    /** A running job of a template; closing it stops the job, so that the next test has the slots. */
    private static final class Job implements AutoCloseable {

        final String id;
        private final Client client;

        Job(String id, Client client) {
            this.id = id;
            this.client = client;
        }

        @Override
        public void close() throws Exception {
            String stop = "STOP JOB '" + id + "'";
            if (client == Client.JDBC) {
                try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                        Statement statement = connection.createStatement()) {
                    statement.execute(stop);
                }
            } else {
                rest().runAlone(stop);
            }
        }
    }

    /** Runs an INSERT (here: a template) from the client and returns its job. */
    private static Job run(Client client, String statement) throws Exception {
        if (client == Client.JDBC) {
            try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                    Statement jdbc = connection.createStatement()) {
                assertThat(jdbc.execute(statement)).isTrue();
                try (ResultSet rows = jdbc.getResultSet()) {
                    assertThat(rows.next()).isTrue();
                    return new Job(rows.getString(1), client);
                }
            }
        }
        JsonNode rows = rest().runAlone(statement);
        return new Job(rows.get(0).get(0).asText(), client);
    }

    private static GatewayRest rest() {
        return new GatewayRest(stack.restUrl(), GatewayRest.basic(ALICE, ALICE_PASSWORD));
    }

    /** The message a refused statement fails with; fails the test when it is not refused. */
    private static String failure(Statement statement, String sql) {
        Throwable refused = catchThrowable(() -> {
            statement.execute(sql);
            if (statement.getResultSet() != null) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        // read to the end: a failure may come with the rows
                    }
                }
            }
        });
        assertThat(refused).as("refused: %s", sql).isNotNull();
        return reason(refused);
    }

    private static List<String> postgres(String query) throws SQLException {
        try (Connection pg = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement statement = pg.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Reads until {@code count} rows are there (then a little longer, so that too many would show), or times out. */
    private static List<String> until(Callable<List<String>> read, int count) throws Exception {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        List<String> rows = read.call();
        while (rows.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(250);
            rows = read.call();
        }
        Thread.sleep(1000);
        return read.call();
    }
}
