package io.sluice.gateway;

import io.sluice.localstack.LocalStack;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.sluice.localstack.LocalStack.ALICE;
import static io.sluice.localstack.LocalStack.ALICE_PASSWORD;
import static io.sluice.localstack.LocalStack.BOB;
import static io.sluice.localstack.LocalStack.BOB_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static io.sluice.gateway.testing.Jdbc.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Governed savepoints on a stack's gateway (whose {@code job.savepoint-dir} is a folder of the stack), run on the
 * MiniCluster ({@link SavepointTest}) and on the standalone cluster of separate JVMs ({@code ClusterSavepointTest}),
 * where the JobManager writes the savepoint and the TaskManagers restore from it: project
 * demo stops its streaming {@code INSERT} from one topic into another with a savepoint, which lands in demo's folder,
 * and resumes the same statement from it with {@code SET 'execution.state-recovery.path'}; the records produced while
 * it was stopped reach the output, each input record exactly once. Project other can neither stop the job nor resume
 * from the savepoint. A gateway without a savepoint folder refuses {@code STOP JOB … WITH SAVEPOINT}.
 */
public abstract class SavepointCases {

    private static final String RECOVERY_PATH = "execution.state-recovery.path";
    private static final Pattern ORDER_ID = Pattern.compile("\"order_id\":(\\d+)");
    private static final int BATCH = 10;

    private static LocalStack stack;

    /** Called by each subclass before its tests, with the stack it runs on. */
    protected static void publishTopics(LocalStack on) {
        stack = on;
        for (String topic : List.of("savepoint_orders", "savepoint_copies", "drained_orders", "drained_copies", "unsaved_orders")) {
            stack.publishOrdersLikeTopic(topic);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"WITH SAVEPOINT", "WITH SAVEPOINT WITH DRAIN"})
    public void aStatementStoppedWithASavepointResumesFromItWithoutLoss(String stopWith) throws Exception {
        String input = stopWith.contains("DRAIN") ? "drained_orders" : "savepoint_orders";
        String output = stopWith.contains("DRAIN") ? "drained_copies" : "savepoint_copies";
        String insert = "INSERT INTO test.demo_kafka." + output + " SELECT * FROM test.demo_kafka." + input;
        stack.produce(input, orders(1, BATCH));

        try (Connection alice = connect(ALICE, ALICE_PASSWORD, Map.of());
                Statement statement = alice.createStatement()) {
            String job = firstColumn(statement, insert).get(0);
            assertThat(orderIds(stack.consume(output, BATCH, Duration.ofSeconds(90)))).hasSize(BATCH);

            try (Connection bob = connect(BOB, BOB_PASSWORD, Map.of());
                    Statement bobs = bob.createStatement()) {
                assertThatThrownBy(() -> bobs.execute("STOP JOB '" + job + "' " + stopWith))
                        .satisfies(e -> assertThat(reason(e))
                                .isEqualTo("[Access denied: job '" + job + "' is not a job of project other.]"));
            }

            // a bare RESET puts the project's savepoint folder back, as it does the job tags
            statement.execute("RESET");
            assertThat(firstColumn(statement, "SET")).noneMatch(line -> line.contains("savepoint"));
            String savepoint = firstColumn(statement, "STOP JOB '" + job + "' " + stopWith).get(0);

            Path folder = Path.of(URI.create(savepoint));
            assertThat(folder.getFileName().toString()).matches("savepoint-" + job.substring(0, 6) + "-[0-9a-f]{12}");
            assertThat(folder.getParent().getFileName()).hasToString("demo");
            assertThat(folder.getParent().getParent().getFileName()).hasToString("savepoints");
            assertThat(folder.resolve("_metadata")).isRegularFile();
            awaitEnded(job);

            stack.produce(input, orders(BATCH + 1, 2 * BATCH)); // while nothing reads the topic
            refusedToOtherProject(savepoint);

            statement.execute("SET '" + RECOVERY_PATH + "' = '" + savepoint + "'");
            assertThat(firstColumn(statement, "SET")).contains(RECOVERY_PATH);
            String resumed = firstColumn(statement, insert).get(0);
            statement.execute("RESET '" + RECOVERY_PATH + "'");
            assertThat(firstColumn(statement, "SET")).doesNotContain(RECOVERY_PATH);
            try {
                assertThat(restoredFrom(resumed)).isEqualTo(savepoint);
                List<Long> copied = orderIds(stack.consume(output, 2 * BATCH, Duration.ofSeconds(90)));
                assertThat(copied).as("every record, those produced while the job was stopped too")
                        .containsAll(IntStream.rangeClosed(1, 2 * BATCH).mapToObj(Long::valueOf).toList());
                // one partition, read in order: had the job started afresh, 1..10 would be copied again before 11..20
                assertThat(stack.recordCount(output)).as("no record copied twice").isEqualTo(2 * BATCH);
            } finally {
                statement.execute("STOP JOB '" + resumed + "'");
            }
        }
    }

    /** Project other may not resume from demo's savepoint: not with SET, not as a session property. */
    private static void refusedToOtherProject(String savepoint) throws Exception {
        String why = "a statement resumes only from a savepoint of its own project's jobs. Use, unchanged, the path that "
                + "STOP JOB '<job id>' WITH SAVEPOINT returned for a job of project other.";
        try (Connection bob = connect(BOB, BOB_PASSWORD, Map.of());
                Statement bobs = bob.createStatement()) {
            for (String set : List.of(
                    "SET '" + RECOVERY_PATH + "' = '" + savepoint + "'",
                    "SET /* x */ ' " + RECOVERY_PATH + "' = '" + savepoint.replace("/demo/", "/other/../demo/") + "'",
                    "SET 'execution.savepoint.path' = '" + savepoint + "'")) {
                assertThatThrownBy(() -> bobs.execute(set)).as(set).satisfies(e -> assertThat(reason(e)).startsWith("[Access denied: '"));
            }
            assertThatThrownBy(() -> bobs.execute("SET '" + RECOVERY_PATH + "' = '" + savepoint + "'"))
                    .satisfies(e -> assertThat(reason(e)).isEqualTo(
                            "[Access denied: '" + RECOVERY_PATH + "' may not be changed in a session to that value: " + why + "]"));
        }
        assertThatThrownBy(() -> connect(BOB, BOB_PASSWORD, Map.of(RECOVERY_PATH, savepoint)))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(
                        "[Access denied: a session may not set " + RECOVERY_PATH + " to that value: " + why + "]"));
    }

    @Test
    public void aGatewayWithoutSavepointFolderRefusesToStopWithOne() throws Exception {
        try (LocalStack.ExtraGateway bare = stack.startSluiceGateway(Map.of(LocalStack.SLUICE + "job.savepoint-dir", ""));
                Connection alice = DriverManager.getConnection(bare.jdbcUrl(), login(ALICE, ALICE_PASSWORD, Map.of()));
                Statement statement = alice.createStatement()) {
            String job = firstColumn(statement, "INSERT INTO test.demo_kafka.savepoint_copies SELECT * FROM test.demo_kafka.unsaved_orders").get(0);
            try {
                for (String stopWith : List.of("WITH SAVEPOINT", "WITH SAVEPOINT WITH DRAIN")) {
                    assertThatThrownBy(() -> statement.execute("STOP JOB '" + job + "' " + stopWith))
                            .satisfies(e -> assertThat(reason(e)).isEqualTo(
                                    "[Access denied: job '" + job + "' cannot be stopped with a savepoint: this gateway "
                                            + "keeps no savepoints (sql-gateway.endpoint.sluice.job.savepoint-dir is not set). "
                                            + "Stop it without a savepoint (STOP JOB '" + job + "'), or ask the platform team "
                                            + "for savepoints.]"));
                }
                assertThatThrownBy(() -> statement.execute(
                                "SET '" + RECOVERY_PATH + "' = 'file:/tmp/savepoints/demo/savepoint-0a1b2c-0123456789ab'"))
                        .satisfies(e -> assertThat(reason(e)).contains("this gateway keeps no savepoints"));
            } finally {
                statement.execute("STOP JOB '" + job + "'");
            }
            awaitEnded(job);
        }
    }

    private static List<String> orders(int first, int last) {
        return IntStream.rangeClosed(first, last)
                .mapToObj(id -> "{\"order_id\":" + id + ",\"customer\":\"c" + id + "\",\"amount\":1.00,\"order_time\":\"2026-11-03 10:00:00\"}")
                .toList();
    }

    private static List<Long> orderIds(List<String> records) {
        return records.stream()
                .map(ORDER_ID::matcher)
                .filter(Matcher::find)
                .map(m -> Long.valueOf(m.group(1)))
                .toList();
    }

    /** Waits until the job has ended, as STOP JOB ends it once the savepoint is written. */
    private static void awaitEnded(String job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!List.of("FINISHED", "CANCELED", "FAILED").contains(jobDetails(job, "").path("state").asText())) {
            assertThat(System.nanoTime()).as("job " + job + " ends").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The savepoint the job was started from, as the JobManager reports it ({@code GET /jobs/:id/checkpoints}). */
    private static String restoredFrom(String job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode restored = jobDetails(job, "/checkpoints").path("latest").path("restored");
            if (restored.hasNonNull("external_path")) {
                assertThat(restored.path("is_savepoint").asBoolean()).isTrue();
                return restored.path("external_path").asText();
            }
            assertThat(System.nanoTime()).as("job " + job + " reports what it was restored from").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** {@code GET /jobs/:id<part>} of the cluster's REST API, as an operator on the gateway's host reads it. */
    private static JsonNode jobDetails(String job, String part) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(stack.clusterRestUrl().resolve("/jobs/" + job + part)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    private static Connection connect(String user, String password, Map<String, String> properties) throws Exception {
        return DriverManager.getConnection(stack.jdbcUrl(), login(user, password, properties));
    }

    private static Properties login(String user, String password, Map<String, String> properties) {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        new TreeMap<>(properties).forEach(login::setProperty);
        return login;
    }
}
