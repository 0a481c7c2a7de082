package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.Jdbc;
import io.sluice.localstack.LocalStack;

import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.client.JobStatusMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The access corpus ({@code access-corpus/*.tsv}, the rows {@link AccessCorpusTest} judges in a table environment)
 * run as a user runs it: each row's statement sent with the Flink JDBC driver, as the row's user, to the sluice
 * endpoint of the gateway the tests share, over the real catalog-service; and the decision the user sees asserted
 * to be the row's. A denied or refused statement must also have started no job.
 */
class AccessCorpusJdbcTest {

    /** Where the table-environment runner's session starts; the gateway's default catalog is {@code test} anyway. */
    private static final List<String> SESSION = List.of("USE CATALOG test", "USE demo_kafka");

    private static final String PLANNED =
            "access allows it; then Flink's streaming planner refuses it, which the table-environment runner never "
                    + "reaches: it decides, it does not plan";
    private static final String NO_DEFAULT_CATALOG =
            "a gateway session has only the environment catalogs (README: no default_catalog), so nothing permanent "
                    + "can be made in default_catalog; temporary objects there still work";

    /**
     * The rows a user sees decided differently through the gateway than in the table-environment runner, for a reason
     * that is the gateway's shape, not access enforcement: what the decision shows through JDBC (its start and some
     * words of it) and why. Every other row must show exactly the row's decision.
     */
    private static final Map<String, Difference> THROUGH_THE_GATEWAY =
            Stream.of(
                            new Difference("bob", "SELECT * FROM sales; SELECT * FROM customers",
                                    "refuse ", "one statement per request",
                                    "the gateway runs one statement per request; the gate judges, and allows, both"),
                            new Difference("carol", "SELECT sale_id FROM sales ORDER BY amount",
                                    "refuse ", "Sort on a non-time-attribute field is not supported", PLANNED),
                            new Difference("bob", "INSERT INTO sales_summary SELECT customer_id, SUM(amount) FROM sales GROUP BY customer_id",
                                    "refuse ", "doesn't support consuming update changes", PLANNED),
                            // demo_dims is a Kafka data source: FOR SYSTEM_TIME AS OF is a temporal join, which needs a key
                            new Difference("bob", "SELECT sp.sale_id, p.name FROM sp JOIN test.demo_dims.products FOR SYSTEM_TIME AS OF sp.proc AS p ON sp.product_id = p.product_id",
                                    "refuse ", "Temporal Table Join requires primary key", PLANNED),
                            new Difference("alice", "SELECT sp.sale_id, a.segment FROM sp JOIN test.demo_dims.accounts FOR SYSTEM_TIME AS OF sp.proc AS a ON sp.customer_id = a.customer_id",
                                    "refuse ", "Temporal Table Join requires primary key", PLANNED),
                            new Difference("bob", "SELECT o.sale_id, p.name FROM (SELECT *, PROCTIME() AS proc FROM sales) o JOIN test.demo_dims.products FOR SYSTEM_TIME AS OF o.proc AS p ON o.product_id = p.product_id",
                                    "refuse ", "Temporal Table Join requires primary key", PLANNED),
                            new Difference("bob", "SELECT /*+ LOOKUP('table'='p', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='10s', 'max-attempts'='3') */ sp.sale_id, p.name FROM sp JOIN test.demo_dims.products FOR SYSTEM_TIME AS OF sp.proc AS p ON sp.product_id = p.product_id",
                                    "refuse ", "Temporal Table Join requires primary key", PLANNED),
                            new Difference("bob", "INSERT INTO sales_summary SELECT sp.customer_id, p.price FROM sp JOIN test.demo_dims.products FOR SYSTEM_TIME AS OF sp.proc AS p ON sp.product_id = p.product_id",
                                    "refuse ", "Temporal Table Join requires primary key", PLANNED),
                            new Difference("root", "CREATE TABLE default_catalog.default_database.t1 WITH ('connector' = 'blackhole') AS SELECT * FROM refunds",
                                    "refuse ", "Catalog default_catalog does not exist", NO_DEFAULT_CATALOG))
                    .collect(Collectors.toMap(d -> d.user() + " " + d.sql(), d -> d));

    private static final Duration JOBS_GONE = Duration.ofSeconds(30);

    private static final boolean ALL_DISGUISES = Boolean.getBoolean("sluice.access-corpus.all");

    private static LocalStack stack;

    record Difference(String user, String sql, String decision, String words, String why) {}

    @BeforeAll
    static void tenant() {
        stack = GatewayStack.withFreeSlots();
        CorpusTenant.ensure(stack);
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException, URISyntaxException {
        List<AccessCorpusTest.Row> rows = AccessCorpusTest.rows();
        assertThat(rows.stream().map(AccessCorpusJdbcTest::key).toList())
                .as("the corpus still has the rows listed as differing through the gateway")
                .containsAll(THROUGH_THE_GATEWAY.keySet());
        return rows.stream()
                .filter(row -> ALL_DISGUISES || throughTheGatewayByDefault(row))
                .map(row -> DynamicTest.dynamicTest(row.name(), () -> run(row)));
    }

    /**
     * Whether {@code ./mvnw verify} runs a row through the gateway: every row as written, and of its disguised forms
     * one, in turn ({@code line + disguise} mod the number of disguises), so that every disguise crosses the driver,
     * the REST body and the gateway's parser on a quarter of the rows. {@link AccessCorpusTest} judges every row in
     * every disguise with the same gate; the full run through the gateway (967 statements, 13 minutes on 2 cores, most
     * of CI) is {@code -Dsluice.access-corpus.all=true}.
     */
    private static boolean throughTheGatewayByDefault(AccessCorpusTest.Row row) {
        if (row.disguise() == null) {
            return true;
        }
        int disguise = Disguises.ALL.stream().map(Disguises.Disguise::name).toList().indexOf(row.disguise());
        return (row.line() + disguise) % Disguises.ALL.size() == 0;
    }

    /** A disguised row differs through the gateway as its plain row does. */
    private static String key(AccessCorpusTest.Row row) {
        return row.user() + " " + row.plainSql();
    }

    private static void run(AccessCorpusTest.Row row) throws Exception {
        Set<JobID> before = jobs(false);
        String decision;
        // a connection (a gateway session) per row, so that what one row's setup defines is not seen by the next
        try (Connection connection = Jdbc.connect(row.user(), CorpusTenant.password(row.user()));
                Statement statement = connection.createStatement()) {
            decision = setUp(statement, concat(SESSION, row.setup())).orElseGet(() -> decision(statement, row.sql()));
        } finally {
            // allowed queries and inserts run on; the MiniCluster has two slots, and the next rows need them
            cancelJobs();
        }
        if (!decision.equals("allow")) {
            assertThat(jobs(false)).as("jobs started by %s, which was not allowed", row.name()).isSubsetOf(before);
        }
        Difference difference = THROUGH_THE_GATEWAY.get(key(row));
        if (difference != null) {
            assertThat(decision)
                    .as("%s, through the gateway (%s)", row.name(), difference.why())
                    .startsWith(difference.decision())
                    .contains(difference.words());
        } else {
            AccessCorpusTest.assertDecision(row, decision);
        }
    }

    /**
     * Runs the setup statements; if one is denied, that denial is the row's decision (the statement never runs), and
     * if one fails otherwise, an outcome no expected decision can match.
     */
    private static Optional<String> setUp(Statement statement, List<String> setup) {
        for (String sql : setup) {
            String decision = decision(statement, sql);
            if (decision.startsWith("refuse ")) {
                return Optional.of("setup refused " + sql + ": " + decision);
            }
            if (!decision.equals("allow")) {
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }

    /**
     * The decision as the user reads it. The driver's {@code execute} waits until the statement's operation has
     * finished (Flink's executor fetches until the result is ready), so analysis, enforcement and planning have all
     * failed or passed when it returns; reading rows of an allowed query would wait for data on an empty topic.
     */
    private static String decision(Statement statement, String sql) {
        try {
            statement.execute(sql);
            return "allow";
        } catch (SQLException | RuntimeException failure) { // the driver lets the executor's exceptions through
            String reason = Jdbc.reason(failure);
            if (!reason.contains(ClientError.DENIED)) {
                return "refuse " + AccessCorpusTest.messages(failure);
            }
            // the driver shows the gateway's error as "[<message>]"
            return AccessCorpusTest.denial(reason.replaceFirst("]\\s*$", ""));
        }
    }

    private static Set<JobID> jobs(boolean runningOnly) throws Exception {
        return stack.miniCluster.listJobs().get(10, TimeUnit.SECONDS).stream()
                .filter(job -> !runningOnly || !job.getJobState().isGloballyTerminalState())
                .map(JobStatusMessage::getJobId)
                .collect(Collectors.toSet());
    }

    /**
     * Cancels every job still running and waits until none is ({@link GatewayStack#withFreeSlots} cancels without
     * waiting, and fails on a job that ends while it cancels: here the gateway is still closing the row's session).
     */
    private static void cancelJobs() throws Exception {
        long deadline = System.nanoTime() + JOBS_GONE.toNanos();
        Set<JobID> running = jobs(true);
        for (JobID job : running) {
            stack.miniCluster.cancelJob(job).exceptionally(e -> null).get(10, TimeUnit.SECONDS);
        }
        while (!running.isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("jobs %s still running %s after being cancelled", running, JOBS_GONE);
            }
            Thread.sleep(50);
            running = jobs(true);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
