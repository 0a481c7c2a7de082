package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.GatewayStack.BOB;
import static io.sluice.gateway.testing.GatewayStack.BOB_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static io.sluice.gateway.testing.Jdbc.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a session may not do, each refused with a message the JDBC driver shows as its reason: session properties
 * and SET keys that would redirect jobs or load code, jars, catalogs, modules, file-system paths, foreign OPTIONS,
 * and other projects' jobs.
 */
class SessionLockdownTest {

    @BeforeAll
    static void startStack() {
        GatewayStack.withFreeSlots().publishOrdersLikeTopic("order_copies");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "execution.target=local",
                "pipeline.jars=file:///tmp/evil.jar",
                "pipeline.classpaths=file:///tmp/",
                "table.catalog-store.kind=file",
                "table.resources.download-dir=/tmp"
            })
    void forbiddenSessionPropertyIsRefusedAtLogin(String property) {
        String key = property.substring(0, property.indexOf('='));
        Properties properties = new Properties();
        properties.setProperty("user", ALICE);
        properties.setProperty("password", ALICE_PASSWORD);
        properties.setProperty(key, property.substring(key.length() + 1));
        assertThatThrownBy(() -> DriverManager.getConnection(GatewayStack.get().jdbcUrl(), properties))
                .satisfies(e -> assertThat(reason(e)).startsWith("[Access denied: a session may not set " + key + ";"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SET 'execution.target' = 'local'",
                "SET 'pipeline.jars' = 'file:///tmp/evil.jar'",
                "SET 'pipeline.classpaths' = 'file:///tmp/'",
                "SET 'table.catalog-store.kind' = 'file'",
                "SET 'pipeline.global-job-parameters' = 'sluice.project:other'",
                "SET 'execution.checkpointing.savepoint-dir' = 'file:///tmp/elsewhere'",
                "SET 'execution.state-recovery.claim-mode' = 'CLAIM'",
                "RESET 'execution.checkpointing.savepoint-dir'",
                "RESET 'execution.target'"
            })
    void forbiddenSetIsRefused(String statement) throws Exception {
        assertRefused(statement, "may not be changed in a session");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ADD JAR '/tmp/evil.jar'",
                "REMOVE JAR '/tmp/evil.jar'",
                "CREATE TEMPORARY FUNCTION evil AS 'com.evil.Udf' USING JAR '/tmp/evil.jar'",
                "CREATE CATALOG mine WITH ('type' = 'generic_in_memory')",
                "LOAD MODULE evil",
                "CREATE TEMPORARY TABLE secrets (line STRING) WITH ('connector' = 'filesystem', 'path' = '/etc', 'format' = 'raw')",
                "CREATE TEMPORARY TABLE dump (line STRING) WITH ('connector' = 'print', 'sink.path' = '/tmp/x')",
                "COMPILE PLAN '/tmp/plan.json' FOR INSERT INTO test.demo_kafka.order_copies SELECT * FROM test.demo_kafka.orders",
                "EXECUTE PLAN '/tmp/plan.json'"
            })
    void forbiddenStatementIsRefused(String statement) throws Exception {
        assertRefused(statement, "");
    }

    @Test
    void allowedSetWorks() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("SET 'table.local-time-zone' = 'UTC'");
            assertThat(firstColumn(statement, "SET")).anyMatch(line -> line.startsWith("table.local-time-zone"));
        }
    }

    @Test
    void hintCannotPointATableElsewhere() throws Exception {
        assertRefused(
                "INSERT INTO test.demo_kafka.order_copies /*+ OPTIONS('properties.bootstrap.servers'='evil:9092') */ "
                        + "SELECT * FROM test.demo_kafka.orders",
                "an OPTIONS hint may not set properties.bootstrap.servers on test.demo_kafka.order_copies");
        assertRefused(
                "SELECT * FROM test.demo_kafka.orders /*+ OPTIONS('topic'='__consumer_offsets') */",
                "table test.demo_kafka.orders does not let a query set topic");
    }

    @Test
    void jobsOfAnotherProjectAreInvisibleAndUntouchable() throws Exception {
        String jobId;
        try (Connection alice = connect(ALICE, ALICE_PASSWORD);
                Statement statement = alice.createStatement()) {
            // an unbounded copy: it keeps running until stopped
            jobId = firstColumn(statement, "INSERT INTO test.demo_kafka.order_copies SELECT * FROM test.demo_kafka.orders").get(0);
            assertThat(firstColumn(statement, "SHOW JOBS")).contains(jobId);
            try (Connection bob = connect(BOB, BOB_PASSWORD);
                    Statement bobs = bob.createStatement()) {
                assertThat(firstColumn(bobs, "SHOW JOBS")).doesNotContain(jobId);
                for (String statementOnJob : List.of("STOP JOB '" + jobId + "'", "DESCRIBE JOB '" + jobId + "'")) {
                    assertThatThrownBy(() -> bobs.execute(statementOnJob))
                            .satisfies(
                                    e ->
                                            assertThat(reason(e))
                                                    .isEqualTo("[Access denied: job '" + jobId
                                                            + "' is not a job of project other.]"));
                }
            }
            assertThat(String.join(" ", firstColumn(statement, "DESCRIBE JOB '" + jobId + "'"))).contains(jobId);
            statement.execute("STOP JOB '" + jobId + "'");
        }
    }

    private static void assertRefused(String sql, String expectedPart) throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(sql))
                    .as(sql)
                    .satisfies(
                            e -> {
                                assertThat(reason(e)).startsWith("[Access denied: ").contains(expectedPart);
                                assertThat(reason(e)).doesNotContain("\tat ");
                            });
        }
    }
}
