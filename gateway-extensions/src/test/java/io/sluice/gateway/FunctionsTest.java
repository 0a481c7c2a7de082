package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.Jdbc;
import io.sluice.gateway.testing.Tenants;
import io.sluice.localstack.LocalStack;
import io.sluice.udf.SourceTemplates;
import io.sluice.udf.FunctionKind;
import io.sluice.udf.TestJars;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant functions from upload to SQL, through the Flink JDBC driver on the real gateway: real jars built during the
 * test, uploaded over HTTP to catalog-service, checked there in its sandbox, activated, and then called by name in
 * the sessions of their project — and only there.
 */
public class FunctionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RED = "fn_red";
    private static final String RED_DEV = "fn_red_dev";
    private static final String BLUE = "fn_blue";
    private static final String BLUE_DEV = "fn_blue_dev";

    /**
     * The prod function by its name in prod's current database: prod's databases are whatever other test classes
     * published there (none on a fresh stack: then its only one is {@code default}), and functions are in each.
     */
    private static final String PROD_ONLY_RED = "USE CATALOG prod; SELECT only_red('x')";

    private static LocalStack stack;

    @BeforeAll
    static void projects() {
        stack = GatewayStack.get();
        Tenants.projectWithDeveloper(stack, RED, RED_DEV);
        Tenants.projectWithDeveloper(stack, BLUE, BLUE_DEV);
    }

    @Test
    void eachProjectCallsItsOwnFunctionOfTheSameNameAndARollbackShowsInTheNextSession() throws Exception {
        int red1 = upload(RED, RED_DEV, greeting("red:"), "greet", "com.example.Greet", "scalar");
        upload(BLUE, BLUE_DEV, greeting("blue:"), "greet", "com.example.Greet", "scalar");
        activate(RED, RED_DEV, "greet", "test", red1);
        activate(BLUE, BLUE_DEV, "greet", "test", 1);

        assertEventually(RED_DEV, "SELECT greet('x')", "red:x");
        assertEventually(BLUE_DEV, "SELECT greet('x')", "blue:x");
        try (Connection connection = Jdbc.connect(RED_DEV, Tenants.password(RED_DEV));
                Statement statement = connection.createStatement()) {
            assertThat(Jdbc.firstColumn(statement, "SHOW USER FUNCTIONS")).contains("greet");
            String described = String.join("\n", describe(statement, "DESCRIBE FUNCTION greet"));
            assertThat(described).contains("greet version " + red1 + " (scalar), artifact sha256:")
                    .doesNotContain("sluice-functions").doesNotContain(".jar");
        }

        int red2 = upload(RED, RED_DEV, greeting("RED:"), "greet", "com.example.Greet", "scalar");
        activate(RED, RED_DEV, "greet", "test", red2);
        assertEventually(RED_DEV, "SELECT greet('x')", "RED:x");
        activate(RED, RED_DEV, "greet", "test", red1);
        assertEventually(RED_DEV, "SELECT greet('x')", "red:x");
    }

    @Test
    void aTableFunctionAndARetractingAggregateRunInQueries() throws Exception {
        compile(RED, RED_DEV, "split_words", "com.example.SplitWords", FunctionKind.TABLE);
        compile(RED, RED_DEV, "weighted_avg", "com.example.WeightedAvg", FunctionKind.AGGREGATE);
        activate(RED, RED_DEV, "split_words", "test", 1);
        activate(RED, RED_DEV, "weighted_avg", "test", 1);
        assertEventually(RED_DEV, "SELECT CAST(weighted_avg(2.0, 1) AS STRING)", "2.0");

        assertThat(column(RED_DEV, "SELECT w FROM (VALUES ('to be or')) AS t(s), LATERAL TABLE(split_words(s)) AS x(w, len)"))
                .containsExactly("to", "be", "or");
        // the inner GROUP BY updates its counts, so the outer aggregate must retract: its last row is the result
        List<String> averages = column(RED_DEV, "SELECT CAST(weighted_avg(CAST(c AS DOUBLE), 1) AS STRING) FROM "
                + "(SELECT k, COUNT(*) AS c FROM (VALUES ('a'), ('a'), ('b')) AS t(k) GROUP BY k)");
        assertThat(averages.get(averages.size() - 1)).isEqualTo("1.5");
    }

    @Test
    void aFunctionIsNotCallableInAnotherProjectNorBeforeItsProdActivationIsApproved() throws Exception {
        int version = upload(RED, RED_DEV, greeting("only-red:"), "only_red", "com.example.OnlyRed", "scalar");
        activate(RED, RED_DEV, "only_red", "test", version);
        assertEventually(RED_DEV, "SELECT only_red('x')", "only-red:x");
        assertThatThrownBy(() -> single(BLUE_DEV, "SELECT only_red('x')"))
                .satisfies(e -> assertThat(Jdbc.reason(e)).contains("only_red"));

        JsonNode prod = activate(RED, RED_DEV, "only_red", "prod", version);
        assertThat(prod.path("request").path("status").asText()).isEqualTo("pending");
        awaitFeed();
        // prod has whatever databases other classes published there; the function is in each, and in the default one
        assertThatThrownBy(() -> single(RED_DEV, PROD_ONLY_RED))
                .as("waits for a data admin").satisfies(e -> assertThat(Jdbc.reason(e)).contains("only_red"));
        stack.catalogService("POST", "/api/v1/function-activations/" + prod.path("request").path("id").asLong() + "/approve",
                GatewayStack.DANA, GatewayStack.DANA_PASSWORD, "{\"comment\":\"ok\"}");
        assertEventually(RED_DEV, PROD_ONLY_RED, "only-red:x");
    }

    @Test
    void aVersionARunningJobUsesIsNotDeletedUntilTheJobHasEnded() throws Exception {
        stack.publishOrdersLikeTopic("fn_orders");
        stack.publishOrdersLikeTopic("fn_tagged");
        String tag = "tag_customer";
        int used = upload("demo", LocalStack.ALICE, prefixing(tag, "t1:"), tag, "com.example.Prefix_" + tag, "scalar");
        activate("demo", LocalStack.ALICE, tag, "test", used);
        assertEventually(LocalStack.ALICE, "SELECT " + tag + "('x')", "t1:x");
        String deleteUsed = "/api/v1/projects/demo/functions/" + tag + "/versions/" + used;

        try (Connection connection = Jdbc.connect(LocalStack.ALICE, LocalStack.ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String job = Jdbc.firstColumn(statement, "INSERT INTO test.demo_kafka.fn_tagged SELECT order_id, " + tag
                    + "(customer), amount, order_time FROM test.demo_kafka.fn_orders").get(0);
            try {
                // the job keeps running the version it was planned with after another one is activated
                int next = upload("demo", LocalStack.ALICE, prefixing(tag, "t2:"), tag, "com.example.Prefix_" + tag, "scalar");
                activate("demo", LocalStack.ALICE, tag, "test", next);
                assertThatThrownBy(() -> stack.catalogService("DELETE", deleteUsed, LocalStack.ALICE, LocalStack.ALICE_PASSWORD, null))
                        .hasMessageContaining("409").hasMessageContaining("running job " + job);
            } finally {
                statement.execute("STOP JOB '" + job + "'");
            }
        }
        // the gateway's reconciliation (1 s on this stack) clears the ended job's record
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                stack.catalogService("DELETE", deleteUsed, LocalStack.ALICE, LocalStack.ALICE_PASSWORD, null);
                break;
            } catch (IllegalStateException stillUsed) {
                assertThat(System.nanoTime()).as(stillUsed.getMessage()).isLessThan(deadline);
                Thread.sleep(300);
            }
        }
    }

    /** Uploads and activates in test a scalar function that prefixes its argument, for other tests and benchmarks. */
    public static void uploadAndActivate(LocalStack on, String project, String user, String name, String prefix) throws Exception {
        stack = on;
        activate(project, user, name, "test", upload(project, user, prefixing(name, prefix), name, "com.example.Prefix_" + name, "scalar"));
        assertEventually(user, "SELECT " + name + "('x')", prefix + "x");
    }

    /** A jar with a scalar function {@code com.example.Prefix_<name>} that prefixes its argument. */
    private static byte[] prefixing(String name, String prefix) {
        String className = "com.example.Prefix_" + name;
        return TestJars.jar(Map.of(className, TestJars.scalar(className,
                "public String eval(String s) { return \"" + prefix + "\" + s; }")));
    }

    private static byte[] greeting(String prefix) {
        String className = prefix.startsWith("only") ? "com.example.OnlyRed" : "com.example.Greet";
        return TestJars.jar(Map.of(className, TestJars.scalar(className,
                "public String eval(String s) { return \"" + prefix + "\" + s; }")));
    }

    /** A DESCRIBE's rows as "name: value". */
    private static List<String> describe(Statement statement, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        assertThat(statement.execute(sql)).isTrue();
        try (ResultSet result = statement.getResultSet()) {
            while (result.next()) {
                rows.add(result.getString(1) + ": " + result.getString(2));
            }
        }
        return rows;
    }

    private static String single(String user, String sql) throws Exception {
        List<String> values = column(user, sql);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    /** Column 1 of the last of the statements ({@code ;}-separated), run in one new session. */
    private static List<String> column(String user, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        String[] statements = sql.split(";\\s*");
        try (Connection connection = Jdbc.connect(stack.jdbcUrl(), user, Tenants.password(user));
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < statements.length - 1; i++) {
                statement.execute(statements[i]);
            }
            try (ResultSet rows = statement.executeQuery(statements[statements.length - 1])) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** Uploads a jar providing one function; returns the version it got. */
    private static int upload(String project, String user, byte[] jar, String name, String className, String kind) throws Exception {
        String boundary = "fn-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "jar", "application/java-archive", jar);
        part(body, boundary, "functions", "application/json",
                ("[{\"name\":\"" + name + "\",\"className\":\"" + className + "\",\"kind\":\"" + kind + "\"}]")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(stack.catalogServiceUrl.resolve("/api/v1/projects/" + project + "/functions/artifacts"))
                        .header("Authorization", basic(user))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get(0).path("version").asInt();
    }

    private static void compile(String project, String user, String name, String className, FunctionKind kind) throws Exception {
        String source = JSON.writeValueAsString(SourceTemplates.of(kind, className));
        stack.catalogService("POST", "/api/v1/projects/" + project + "/functions/sources", user, Tenants.password(user),
                "{\"name\":\"" + name + "\",\"className\":\"" + className + "\",\"kind\":\"" + kind.spelling()
                        + "\",\"source\":" + source + "}");
    }

    private static JsonNode activate(String project, String user, String name, String environment, int version) throws Exception {
        return JSON.readTree(stack.catalogService("PUT",
                "/api/v1/projects/" + project + "/functions/" + name + "/environments/" + environment,
                user, Tenants.password(user), "{\"version\":" + version + ",\"comment\":\"test\"}"));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String type, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Tenants.password(user)).getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for the gateway's change feed to carry a switch: a new session sees it within a few polls. */
    private static void awaitFeed() throws InterruptedException {
        Thread.sleep(2 * stack.settings.changePollInterval().toMillis() + 300);
    }

    /** A new session's answer becomes {@code expected} once the change feed has carried the switch (at most 30 s). */
    private static void assertEventually(String user, String sql, String expected) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (expected.equals(single(user, sql))) {
                    return;
                }
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            assertThat(System.nanoTime()).as("%s answers %s within 30 s", sql, expected).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
