package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.Tenants;

import org.apache.flink.api.common.JobID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.reason;
import static io.sluice.gateway.testing.Tenants.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Quotas per project, set through catalog-service's API and enforced by the gateway before any job starts: task
 * slots of a project's running jobs, parallelism of a statement, open sessions per user. Two projects of their own
 * on the 2-slot stack.
 */
class QuotaTest {

    /** One row, 1, from a job: a filter (a query of literals only is answered without one). */
    private static final String A_JOB = "SELECT n FROM (VALUES (1)) AS t(n) WHERE n > 0";

    private static final String FULL = "quota_full";
    private static final String FULL_USER = "quota_fred";
    private static final String OTHER = "quota_other";
    private static final String OTHER_USER = "quota_olga";
    private static GatewayStack stack;

    @BeforeAll
    static void projects() {
        stack = GatewayStack.withFreeSlots();
        Tenants.projectWithDeveloper(stack, FULL, FULL_USER);
        Tenants.projectWithDeveloper(stack, OTHER, OTHER_USER);
        stack.produce("orders", List.of("{\"order_id\":200,\"customer\":\"quota\",\"amount\":2.00,\"order_time\":\"2026-11-02 09:00:00\"}"));
    }

    @Test
    void aProjectThatFillsItsSlotQuotaIsRefusedWhileAnotherProjectsQueryRuns() throws Exception {
        Tenants.setQuota(stack, FULL, "{\"maxTaskSlots\":1}");
        try (Connection full = connect(FULL_USER, password(FULL_USER));
                Statement streaming = full.createStatement();
                ResultSet endless = streaming.executeQuery("SELECT customer FROM test.demo_kafka.orders")) {
            assertThat(endless.next()).as("the long query runs and holds the project's one slot").isTrue();
            Set<JobID> before = Tenants.jobsOf(stack, FULL);

            try (Statement another = full.createStatement()) {
                assertThatThrownBy(() -> another.executeQuery(A_JOB))
                        .satisfies(e -> assertThat(reason(e)).isEqualTo(
                                "[Over quota: project quota_full may hold at most 1 task slot; its running jobs hold 1 "
                                        + "and this statement needs 1: stop one of them (SHOW JOBS, STOP JOB) or ask a "
                                        + "system admin to raise the quota.]"));
            }
            assertThat(Tenants.jobsOf(stack, FULL)).as("the refused statement started no job").isEqualTo(before);

            try (Connection other = connect(OTHER_USER, password(OTHER_USER));
                    Statement statement = other.createStatement();
                    ResultSet one = statement.executeQuery(A_JOB)) {
                assertThat(one.next()).as("the other project's query runs on the slot left").isTrue();
                assertThat(one.getInt(1)).isEqualTo(1);
            }
        }
        // the long query's statement closed: its job is cancelled and the project's slot comes back
        assertThat(selectOneWithin(FULL_USER, 20_000)).isEqualTo(1);
    }

    @Test
    void aStatementAboveTheParallelismQuotaIsRefusedNamingItAndStartsNoJob() throws Exception {
        Tenants.setQuota(stack, OTHER, "{\"maxParallelism\":1}");
        try (Connection connection = connect(OTHER_USER, password(OTHER_USER));
                Statement statement = connection.createStatement()) {
            Set<JobID> before = Tenants.jobsOf(stack, OTHER);
            statement.execute("SET 'parallelism.default' = '2'");
            assertThatThrownBy(() -> statement.executeQuery(A_JOB))
                    .satisfies(e -> assertThat(reason(e)).isEqualTo(
                            "[Over quota: project quota_other may run statements with a parallelism of at most 1; this "
                                    + "one has 2 (parallelism.default): SET 'parallelism.default' = '1' or lower, or ask "
                                    + "a system admin to raise the quota.]"));
            statement.execute("SET 'parallelism.default' = '1'");
            statement.execute("SET 'table.exec.resource.default-parallelism' = '2'");
            assertThatThrownBy(() -> statement.executeQuery(A_JOB))
                    .satisfies(e -> assertThat(reason(e))
                            .contains("this one has 2 (table.exec.resource.default-parallelism)"));
            assertThat(Tenants.jobsOf(stack, OTHER)).isEqualTo(before);

            statement.execute("RESET 'table.exec.resource.default-parallelism'");
            try (ResultSet one = statement.executeQuery(A_JOB)) {
                assertThat(one.next()).as("within the quota it runs").isTrue();
            }
        } finally {
            Tenants.setQuota(stack, OTHER, "{}");
        }
    }

    @Test
    void aUsersSessionAboveTheSessionQuotaIsRefusedUntilOneCloses() throws Exception {
        Tenants.setQuota(stack, OTHER, "{\"maxSessionsPerUser\":2}");
        List<Connection> open = new ArrayList<>();
        try {
            open.add(connect(OTHER_USER, password(OTHER_USER)));
            open.add(connect(OTHER_USER, password(OTHER_USER)));
            assertThatThrownBy(() -> open.add(connect(OTHER_USER, password(OTHER_USER))))
                    .satisfies(e -> assertThat(reason(e)).isEqualTo(
                            "[Over quota: user quota_olga may have at most 2 open sessions for project quota_other "
                                    + "and has 2: close one (idle sessions also close on their own), or ask a system "
                                    + "admin to raise the quota.]"));
            try (Connection anotherUser = connect(FULL_USER, password(FULL_USER))) {
                assertThat(anotherUser.isClosed()).as("the quota counts per user").isFalse();
            }
            open.remove(0).close();
            open.add(connect(OTHER_USER, password(OTHER_USER)));
            try (Statement statement = open.get(1).createStatement(); ResultSet one = statement.executeQuery(A_JOB)) {
                assertThat(one.next()).isTrue();
            }
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
            Tenants.setQuota(stack, OTHER, "{}");
        }
    }

    /** {@link #A_JOB} as the user, tried again while the project's slots are still held by a job being cancelled. */
    private static int selectOneWithin(String user, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            try (Connection connection = connect(user, password(user));
                    Statement statement = connection.createStatement();
                    ResultSet one = statement.executeQuery(A_JOB)) {
                assertThat(one.next()).isTrue();
                return one.getInt(1);
            } catch (RuntimeException | java.sql.SQLException e) {
                if (System.currentTimeMillis() > deadline || !String.valueOf(reason(e)).contains("Over quota")) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
