package io.sluice.gateway.cluster;

import static io.sluice.gateway.cluster.ClusterJobs.awaitEveryOrder;
import static io.sluice.gateway.cluster.ClusterJobs.enrichment;
import static io.sluice.gateway.cluster.ClusterJobs.orders;
import static io.sluice.gateway.cluster.ClusterJobs.startJob;
import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.FunctionsTest;
import io.sluice.gateway.testing.ClusterStack;
import io.sluice.localstack.LocalStack;
import io.sluice.localstack.StandaloneCluster;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Governed jobs on a standalone session cluster of separate JVMs, submitted through the JDBC driver against the
 * {@code sluice} endpoint of a gateway configured as in production ({@code execution.target: remote}): where they
 * run, a TaskManager that dies, and the gateway and catalog-service restarting under a running job.
 */
class StandaloneClusterTest {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    private static ClusterStack stack;

    @BeforeAll
    static void cluster() throws Exception {
        stack = ClusterStack.get();
        ClusterJobs.publishCustomers(stack);
    }

    @AfterEach
    void reset() throws Exception {
        stack.reset();
    }

    @Test
    void aGovernedInsertWithALookupJoinRunsOnTheTaskManagers() throws Exception {
        ClusterJobs.publishTopics(stack, "cl_placed_in", "cl_placed_out");
        stack.produce("cl_placed_in", orders(1, 30));
        try (Connection connection = connect(stack.jdbcUrl(), LocalStack.ALICE, LocalStack.ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String job = startJob(stack, statement, enrichment("cl_placed_in", "cl_placed_out"));
            awaitEveryOrder(stack, "cl_placed_out", 30, JOB_TIMEOUT);

            Set<String> taskManagers = stack.taskManagersOf(job);
            assertThat(taskManagers)
                    .as("every task runs in a TaskManager process, none in the JobManager's or the gateway's JVM")
                    .isNotEmpty()
                    .isSubsetOf(StandaloneCluster.taskManagerId(0), StandaloneCluster.taskManagerId(1));
            assertThat(stack.cluster().rest("/jobs/" + job + "/config").path("execution-config").path("user-config")
                            .path("sluice.project").asText())
                    .as("the job is tagged with its project")
                    .isEqualTo("demo");
            assertThat(String.join("\n", firstColumn(statement, "SHOW JOBS"))).contains(job);
        }
    }

    /**
     * A tenant function's jar is on no process of the cluster: the gateway ships the project's artifact with the job
     * (Flink uploads {@code pipeline.jars} to the blob server) and the TaskManagers load it from there.
     */
    @Test
    void aProjectFunctionTravelsWithItsJobToTheTaskManagers() throws Exception {
        FunctionsTest.uploadAndActivate(stack, "demo", LocalStack.ALICE, "cl_tag", "tagged:");
        ClusterJobs.publishTopics(stack, "cl_fn_in", "cl_fn_out");
        stack.produce("cl_fn_in", orders(1, 3));
        try (Connection connection = connect(stack.jdbcUrl(), LocalStack.ALICE, LocalStack.ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            Set<String> before = stack.runningJobs();
            List<String> tagged = firstColumn(statement, "SELECT cl_tag(customer) FROM test.demo_kafka.cl_fn_in "
                    + "/*+ OPTIONS('scan.bounded.mode'='latest-offset') */");
            assertThat(tagged).containsExactlyInAnyOrder("tagged:2", "tagged:3", "tagged:1");
            assertThat(stack.cluster().rest("/jobs/overview").path("jobs").findValuesAsText("jid"))
                    .as("it ran as a job of the cluster")
                    .anyMatch(job -> !before.contains(job));
        }
    }

    /**
     * The JobManager's REST API lists and cancels every project's jobs with no login, its blob server hands out job
     * artifacts, the TaskManagers' ports take tasks and data: every port of every cluster process listens on
     * loopback, the gateway's host, and on no address a tenant could reach.
     */
    @Test
    void everyPortOfTheClusterListensOnLoopbackOnly() throws Exception {
        List<Long> processes = stack.cluster().processIds();
        assertThat(processes).hasSize(1 + stack.cluster().taskManagerCount());
        for (long pid : processes) {
            List<ListeningSockets.Socket> sockets = ListeningSockets.of(pid);
            assertThat(sockets).as("process %d listens", pid).isNotEmpty();
            assertThat(sockets).as("process %d", pid).allMatch(ListeningSockets.Socket::isLoopback);
        }
        assertThat(ListeningSockets.of(processes.get(0)))
                .as("the JobManager's REST port is among them")
                .anyMatch(socket -> socket.port() == stack.clusterRestUrl().getPort());
    }

    /**
     * The TaskManager running the job is killed mid-stream: the job restarts from its last checkpoint on the other
     * TaskManager and, once the input is done, the output holds every order. The Kafka sink delivers at least once
     * (the catalog's topics are not transactional), so orders after the last checkpoint may come twice: counted and
     * printed, never lost.
     */
    @Test
    void aKilledTaskManagerCostsNoRecord() throws Exception {
        ClusterJobs.publishTopics(stack, "cl_failover_in", "cl_failover_out");
        stack.produce("cl_failover_in", orders(1, 300));
        try (Connection connection = connect(stack.jdbcUrl(), LocalStack.ALICE, LocalStack.ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String job = startJob(stack, statement, enrichment("cl_failover_in", "cl_failover_out"));
            awaitEveryOrder(stack, "cl_failover_out", 300, JOB_TIMEOUT);
            long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
            while (stack.completedCheckpoints(job) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(stack.completedCheckpoints(job)).as("a checkpoint to restart from").isPositive();

            String victim = stack.taskManagersOf(job).iterator().next();
            stack.cluster().killTaskManager(Integer.parseInt(victim.substring(victim.lastIndexOf('-') + 1)));
            stack.produce("cl_failover_in", orders(301, 600));

            ClusterJobs.Output output = awaitEveryOrder(stack, "cl_failover_out", 600, JOB_TIMEOUT);
            System.out.printf("TaskManager %s killed mid-stream: %d of 600 orders delivered, %d duplicates%n",
                    victim, output.distinct(), output.duplicates());
            assertThat(output.distinct()).isEqualTo(600);
            assertThat(stack.cluster().rest("/jobs/" + job + "/checkpoints").path("latest").path("restored").isObject())
                    .as("the job was restored from a checkpoint")
                    .isTrue();
            assertThat(stack.taskManagersOf(job)).as("it runs on the TaskManager left").doesNotContain(victim);
            assertThat(stack.state(job)).isEqualTo("RUNNING");
        }
    }

    /**
     * The gateway keeps nothing a running job needs: the job goes on while the gateway that started it is gone, and
     * a new gateway knows whose it is (the owner can stop it, another project cannot see it). Nor does catalog-service:
     * the job goes on while it is down.
     */
    @Test
    void aRunningJobOutlivesTheGatewayAndCatalogService() throws Exception {
        ClusterJobs.publishTopics(stack, "cl_restart_in", "cl_restart_out");
        stack.produce("cl_restart_in", orders(1, 50));
        String job;
        try (LocalStack.ExtraGateway gateway = stack.startSluiceGateway(java.util.Map.of());
                Connection connection = connect(gateway.jdbcUrl(), LocalStack.ALICE, LocalStack.ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            job = startJob(stack, statement, enrichment("cl_restart_in", "cl_restart_out"));
            awaitEveryOrder(stack, "cl_restart_out", 50, JOB_TIMEOUT);
        }
        stack.produce("cl_restart_in", orders(51, 100));
        awaitEveryOrder(stack, "cl_restart_out", 100, JOB_TIMEOUT);
        assertThat(stack.state(job)).as("the gateway that started it is gone").isEqualTo("RUNNING");

        stack.stopCatalogService();
        try {
            stack.produce("cl_restart_in", orders(101, 150));
            awaitEveryOrder(stack, "cl_restart_out", 150, JOB_TIMEOUT);
            assertThat(stack.state(job)).as("catalog-service is down").isEqualTo("RUNNING");
        } finally {
            stack.restartCatalogService();
        }

        try (LocalStack.ExtraGateway gateway = stack.startSluiceGateway(java.util.Map.of())) {
            try (Connection bob = connect(gateway.jdbcUrl(), LocalStack.BOB, LocalStack.BOB_PASSWORD);
                    Statement statement = bob.createStatement()) {
                assertThat(firstColumn(statement, "SHOW JOBS")).as("another project's job").doesNotContain(job);
            }
            try (Connection alice = connect(gateway.jdbcUrl(), LocalStack.ALICE, LocalStack.ALICE_PASSWORD);
                    Statement statement = alice.createStatement()) {
                assertThat(firstColumn(statement, "SHOW JOBS")).as("a new gateway knows the job is demo's").contains(job);
                statement.execute("STOP JOB '" + job + "'");
            }
        }
        stack.awaitState(job, "CANCELED", JOB_TIMEOUT);
    }
}
