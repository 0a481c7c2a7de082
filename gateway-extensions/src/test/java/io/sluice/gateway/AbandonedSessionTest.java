package io.sluice.gateway;

import io.sluice.localstack.ChildJvm;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.JdbcClientMain;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.client.JobStatusMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JDBC client killed in the middle of a streaming query leaves a job that holds every slot of the cluster.
 * Vanilla Flink keeps it until the session idles out (10 minutes); the gateway cancels it once the client has been
 * silent for the abandoned-operation timeout, and another session's query then runs.
 */
class AbandonedSessionTest {

    private static GatewayStack stack;

    @BeforeAll
    static void dataInTopic() {
        stack = GatewayStack.withFreeSlots();
        stack.produce("orders", List.of("{\"order_id\":100,\"customer\":\"kim\",\"amount\":1.00,\"order_time\":\"2026-11-02 08:00:00\"}"));
    }

    @Test
    void killedClientsJobIsCancelledAndItsSlotsServeTheNextQuery() throws Exception {
        Set<JobID> before = runningJobs();
        try (ChildJvm client =
                ChildJvm.start(
                        "jdbc-client",
                        List.of(
                                "-Xmx128m",
                                "-cp",
                                System.getProperty("jdbc.client.dir") + File.separator + "*" + File.pathSeparator
                                        + System.getProperty("test.classes.dir"),
                                JdbcClientMain.class.getName(),
                                stack.jdbcUrl(),
                                ALICE,
                                ALICE_PASSWORD,
                                // as many parallel readers as the cluster has slots: this job takes them all
                                "SET 'parallelism.default' = '" + GatewayStack.SLOTS + "'",
                                "SELECT customer FROM test.demo_kafka.orders"),
                        Map.of())) {
            client.awaitLine(line -> line.startsWith("ROW "), Duration.ofSeconds(90));
            Set<JobID> clientJobs = runningJobs();
            clientJobs.removeAll(before);
            assertThat(clientJobs).as("the client's streaming query runs as a job").hasSize(1);

            client.kill();
            long killedAt = System.nanoTime();

            try (Connection other = connect(ALICE, ALICE_PASSWORD);
                    Statement statement = other.createStatement();
                    ResultSet rows =
                            statement.executeQuery(
                                    "SELECT COUNT(*) FROM test.demo_kafka.orders /*+ OPTIONS('scan.bounded.mode'='latest-offset') */")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isGreaterThanOrEqualTo(1);
            }
            Duration tookAfterKill = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(tookAfterKill).isLessThan(Duration.ofSeconds(30));
            assertThat(stack.miniCluster.getJobStatus(clientJobs.iterator().next()).get())
                    .isEqualTo(JobStatus.CANCELED);
        }
    }

    private static Set<JobID> runningJobs() throws Exception {
        return stack.miniCluster.listJobs().get().stream()
                .filter(job -> job.getJobState() == JobStatus.RUNNING)
                .map(JobStatusMessage::getJobId)
                .collect(Collectors.toSet());
    }
}
