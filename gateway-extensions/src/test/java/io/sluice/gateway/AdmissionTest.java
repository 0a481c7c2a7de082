package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.Tenants;

import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.client.JobStatusMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.reason;
import static io.sluice.gateway.testing.Tenants.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Admission at the gateway on the small stack: statements that find every slot taken wait in their project's queue,
 * projects take turns, and a statement that cannot start within the gateway's longest wait is refused as "busy"
 * with its wait — no job is left to wait (and die) inside the cluster.
 *
 * <p>The default run has 20 sessions; the soak of issue 9 (200 sessions, 4 slots) is the same test:
 * {@code ./mvnw -pl gateway-extensions -am verify -Dtest=AdmissionTest#manySessions* -Dsurefire.failIfNoSpecifiedTests=false
 * -Dstack.slots=4 -Dadmission.sessions=200 -Dadmission.max-wait-seconds=600}.
 */
class AdmissionTest {

    /** One row, 1, from a job: a filter (a query of literals only is answered without one). */
    private static final String A_JOB = "SELECT n FROM (VALUES (1)) AS t(n) WHERE n > 0";

    private static final String FIRST = "admit_first";
    private static final String FIRST_USER = "admit_fay";
    private static final String SECOND = "admit_second";
    private static final String SECOND_USER = "admit_sam";
    private static final int SESSIONS = Integer.getInteger("admission.sessions", 20);
    private static final int QUERIES_PER_SESSION = 2;
    private static GatewayStack stack;

    @BeforeAll
    static void projects() {
        stack = GatewayStack.withFreeSlots();
        Tenants.projectWithDeveloper(stack, FIRST, FIRST_USER);
        Tenants.projectWithDeveloper(stack, SECOND, SECOND_USER);
        String unbounded = "{\"maxTaskSlots\":" + (GatewayStack.SLOTS + 1) * 4 + ",\"maxSessionsPerUser\":" + SESSIONS + "}";
        Tenants.setQuota(stack, FIRST, unbounded);
        Tenants.setQuota(stack, SECOND, unbounded);
        stack.produce("orders", List.of("{\"order_id\":300,\"customer\":\"admit\",\"amount\":3.00,\"order_time\":\"2026-11-02 10:00:00\"}"));
    }

    @Test
    void manySessionsOfTwoProjectsQueryingAtOnceAllSucceedAndTakeTurns() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(SESSIONS * QUERIES_PER_SESSION);
        List<Connection> firsts = connectAll(FIRST_USER);
        List<Connection> seconds = connectAll(SECOND_USER);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            long released;
            // a long query holds every slot, so that both projects' bursts queue up before anything runs
            try (SlotHolder holder = new SlotHolder(FIRST_USER)) {
                // the first project's burst arrives first, the second's after it: a plain queue would run all of
                // the first project's statements before any of the second's
                answers.addAll(burst(clients, firsts));
                Thread.sleep(2_000);
                answers.addAll(burst(clients, seconds));
                Thread.sleep(2_000);
                assertThat(answers).as("every statement waits while the slots are held").noneMatch(Future::isDone);
                released = System.currentTimeMillis();
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(GatewayStack.ADMISSION_WAIT.toSeconds() + 60, TimeUnit.SECONDS))
                        .as("no session fails").isEqualTo(1);
            }

            List<String> admitted = projectsInStartOrder(released);
            assertThat(admitted).hasSize(SESSIONS * QUERIES_PER_SESSION);
            List<String> firstHalf = admitted.subList(0, admitted.size() / 2);
            long secondsShare = firstHalf.stream().filter(SECOND::equals).count();
            assertThat(secondsShare)
                    .as("the project that queued last still gets about half of the first turns: %s", admitted)
                    .isBetween((long) firstHalf.size() / 2 - 2, (long) firstHalf.size() / 2 + 2);
        } finally {
            // no interrupts: a query cancelled while its collect sink opens takes the TaskManager down (FLINK-39330)
            clients.shutdown();
            clients.awaitTermination(GatewayStack.ADMISSION_WAIT.toSeconds() + 60, TimeUnit.SECONDS);
            for (Connection connection : firsts) {
                connection.close();
            }
            for (Connection connection : seconds) {
                connection.close();
            }
        }
    }

    @Test
    void aStatementThatFindsNoSlotInTimeIsRefusedAsBusyWithItsWaitAndStartsNoJob() throws Exception {
        try (SlotHolder holder = new SlotHolder(FIRST_USER)) {
            Set<JobID> before = Tenants.jobsOf(stack, SECOND);
            long start = System.nanoTime();
            try (Connection waiting = connect(SECOND_USER, password(SECOND_USER));
                    Statement query = waiting.createStatement()) {
                assertThatThrownBy(() -> query.executeQuery(A_JOB))
                        .satisfies(e -> assertThat(reason(e))
                                .startsWith("[Cluster busy: this statement needs 1 task slot and 0 of the cluster's "
                                        + GatewayStack.SLOTS + " are free for it; it waited "
                                        + GatewayStack.ADMISSION_WAIT.toSeconds() + ".")
                                .endsWith(" s at the gateway, the longest a statement may. Nothing was started: "
                                        + "try again later.]"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(GatewayStack.ADMISSION_WAIT);
            assertThat(Tenants.jobsOf(stack, SECOND)).as("no job was started to wait in the cluster").isEqualTo(before);
        }
    }

    /** Half of the test's sessions, all of the user. */
    private static List<Connection> connectAll(String user) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int s = 0; s < SESSIONS / 2; s++) {
            connections.add(connect(user, password(user)));
        }
        return connections;
    }

    /** Each session runs two {@link #A_JOB} at once. */
    private static List<Future<Integer>> burst(ExecutorService clients, List<Connection> connections) {
        List<Future<Integer>> answers = new ArrayList<>();
        for (Connection connection : connections) {
            for (int q = 0; q < QUERIES_PER_SESSION; q++) {
                answers.add(clients.submit(() -> {
                    try (Statement statement = connection.createStatement();
                            ResultSet one = statement.executeQuery(A_JOB)) {
                        return one.next() ? one.getInt(1) : -1;
                    }
                }));
            }
        }
        return answers;
    }

    /**
     * A streaming query at the cluster's parallelism, holding every slot until closed. A thread keeps reading it, as
     * a live client does, so the gateway does not take it for abandoned.
     */
    private static final class SlotHolder implements AutoCloseable {
        private final Connection connection;
        private final ResultSet rows;
        private final Thread reader;

        SlotHolder(String user) throws Exception {
            connection = connect(user, password(user));
            Statement statement = connection.createStatement();
            statement.execute("SET 'parallelism.default' = '" + GatewayStack.SLOTS + "'");
            rows = statement.executeQuery("SELECT customer FROM test.demo_kafka.orders");
            assertThat(rows.next()).as("the long query runs").isTrue();
            reader = new Thread(() -> {
                try {
                    while (rows.next()) {
                        // only keeps the client alive
                    }
                } catch (Exception closed) {
                    // closed by close(): the query is over
                }
            }, "slot-holder");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void close() throws Exception {
            rows.close();
            connection.close();
            reader.join(10_000);
        }
    }

    /** The projects of the two test projects' jobs that started after the moment, in the order they started. */
    private static List<String> projectsInStartOrder(long afterMillis) throws Exception {
        Map<JobID, String> projects = new ConcurrentHashMap<>();
        List<String> order = new ArrayList<>();
        for (JobStatusMessage job : Tenants.jobsByStart(stack)) {
            if (job.getStartTime() < afterMillis) {
                continue;
            }
            String project = projects.computeIfAbsent(job.getJobId(), id -> Tenants.projectOf(stack, id));
            if (FIRST.equals(project) || SECOND.equals(project)) {
                order.add(project);
            }
        }
        return order.stream().collect(Collectors.toList());
    }
}
