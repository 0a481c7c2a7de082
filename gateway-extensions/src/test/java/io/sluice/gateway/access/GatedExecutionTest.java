package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.catalogservice.OutageGrace;
import io.sluice.contract.PrincipalView;
import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.catalog.EnvironmentCatalog;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.admission.Admission;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.gateway.functions.FunctionJobs;
import io.sluice.gateway.gate.GatedExecution;
import io.sluice.gateway.jobs.JobManagerRest;
import io.sluice.gateway.gate.StatementContext;
import io.sluice.gateway.gate.StatementGate;
import io.sluice.gateway.gate.StatementLimits;
import io.sluice.gateway.session.SessionPolicy;
import io.sluice.gateway.templates.TemplateRendering;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.localstack.LocalStack;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.results.OperationInfo;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestAPIVersion;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.context.DefaultContext;
import org.apache.flink.table.gateway.service.session.SessionManager;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statements run through Flink's own gateway service with {@link GatedExecution}, as the governed service runs them: a
 * session with the gateway's environment catalogs over the real catalog-service, bob's principal, decisions from the
 * real decision API, jobs on the test stack's MiniCluster.
 */
class GatedExecutionTest {

    private static SessionManager sessions;
    private static SqlGatewayServiceImpl service;
    private static AccessEnforcer enforcer;
    private static PrincipalView bob;
    private static SessionHandle session;
    private static GatedExecution execution;
    private static StatementContext context;

    @BeforeAll
    static void session() throws Exception {
        LocalStack stack = GatewayStack.get();
        CorpusTenant.ensure(stack);
        String gatewayToken = stack.issueToken("gateway", CorpusTenant.password("gateway"));
        Duration staleness = Duration.ofSeconds(5);
        CatalogServiceClient catalogService = new CatalogServiceClient(
                stack.catalogServiceUrl, gatewayToken, Duration.ofSeconds(10), staleness, staleness, Duration.ofMinutes(5), 100,
                new OutageGrace(Duration.ZERO));
        enforcer = new AccessEnforcer(
                new AccessDecider(new DecisionClient(stack.catalogServiceUrl, gatewayToken, Duration.ofSeconds(10), catalogService.outage()),
                        staleness, 100),
                Set.of("test", "prod"), option -> false, staleness);
        Credentials credentials = Credentials.basic("bob", CorpusTenant.password("bob"));
        bob = catalogService.principal(credentials);
        execution = new GatedExecution(
                new StatementLimits(1 << 20, 200),
                new TemplateRendering(catalogService, new SecretRedactor(), Clock.systemUTC()),
                new StatementGate(new SessionPolicy(List.of("table.*")), enforcer),
                new FunctionJobs(catalogService, new JobManagerRest(), Map.of(), Duration.ZERO));
        context = new StatementContext(
                bob, jobId -> false, Map.of(SessionPolicy.JOB_TAGS_KEY, "sluice.project:other"), Admission.ForPrincipal.NONE);

        URI cluster = stack.miniCluster.getRestAddress().get();
        Configuration config = new Configuration();
        config.setString("execution.target", "remote");
        config.setString("rest.address", cluster.getHost());
        config.setString("rest.port", String.valueOf(cluster.getPort()));
        sessions = SessionManager.create(new DefaultContext(config, List.of()));
        sessions.start();
        service = new SqlGatewayServiceImpl(sessions);
        SessionEnvironment.Builder environment =
                SessionEnvironment.newBuilder().setSessionEndpointVersion(SqlGatewayRestAPIVersion.getDefaultVersion());
        for (String name : List.of("test", "prod")) {
            environment.registerCatalogCreator(
                    name,
                    (conf, classLoader) -> new EnvironmentCatalog(
                            name, catalogService, new SecretRedactor(),
                            (table, action) -> enforcer.requireTable(bob, table, action),
                            bob.user(), Map.of()));
        }
        session = service.openSession(environment.setDefaultCatalog("test")
                .addSessionConfig(context.ownedSettings()).build());
        assertThat(finished(run("USE demo_kafka")).getStatus().name()).isEqualTo("FINISHED");
    }

    @AfterAll
    static void close() {
        service.closeSession(session);
        sessions.stop();
    }

    private static OperationHandle run(String statement) {
        return execution.submit(service, session, statement, new Configuration(), context);
    }

    private static OperationInfo finished(OperationHandle operation) throws InterruptedException {
        OperationInfo info = service.getOperationInfo(session, operation);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!info.getStatus().isTerminalStatus() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            info = service.getOperationInfo(session, operation);
        }
        return info;
    }

    private static String failure(OperationInfo info) {
        assertThat(info.getStatus().name()).isEqualTo("ERROR");
        return ExceptionUtils.stringifyException(info.getException().orElseThrow());
    }

    @Test
    void aDeniedQueryFailsItsOperationWithTheDenial() throws InterruptedException {
        assertThat(failure(finished(run("SELECT name FROM salaries"))))
                .contains("Access denied: bob (project other) may not select test.demo_kafka.salaries (columns name)");
    }

    @Test
    void anAllowedQueryRunsFromTheOperationTheAnalysisParsed() throws InterruptedException {
        List<RowData> rows = rows(run("SELECT 41 + 1"));
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.getInt(0)).isEqualTo(42));
    }

    @Test
    void aViewIsJudgedByItsQueryWhenItIsDefined() throws InterruptedException {
        assertThat(failure(finished(run("CREATE TEMPORARY VIEW forbidden_view AS SELECT * FROM salaries"))))
                .contains("may not select test.demo_kafka.salaries");
        assertThat(failure(finished(run("SELECT COUNT(*) FROM forbidden_view")))).contains("not found");
        assertThat(finished(run("CREATE TEMPORARY VIEW own_view AS SELECT sale_id FROM sales")).getStatus().name())
                .isEqualTo("FINISHED");
        assertThat(failure(finished(run("CREATE TEMPORARY TABLE own_topic (x INT) WITH ('connector' = 'datagen')"))))
                .contains("names its own 'connector'");
    }

    @Test
    void aBareResetKeepsTheJobTagsAndSetListsOnlyWhatASessionMaySee() throws InterruptedException {
        assertThat(finished(run("SET 'table.local-time-zone' = 'Asia/Tokyo'")).getStatus().name()).isEqualTo("FINISHED");
        assertThat(finished(run("RESET")).getStatus().name()).isEqualTo("FINISHED");
        Map<String, String> config = service.getSessionConfig(session);
        assertThat(config).containsEntry(SessionPolicy.JOB_TAGS_KEY, "sluice.project:other")
                .doesNotContainKey("table.local-time-zone");
        assertThat(finished(run("SET 'table.local-time-zone' = 'UTC'")).getStatus().name()).isEqualTo("FINISHED");
        List<String> listed = new ArrayList<>();
        for (RowData row : rows(run("SET"))) {
            listed.add(row.getString(0).toString());
        }
        assertThat(listed).contains("table.local-time-zone").noneMatch(key -> key.startsWith("pipeline.global-job-parameters")
                || key.startsWith("execution.target") || key.startsWith("rest."));
    }

    @Test
    void refusedKindsAndSeveralStatementsNeverRun() throws InterruptedException {
        assertThat(failure(finished(run("EXECUTE /* a b c */ PLAN '/etc/passwd'"))))
                .contains("statements of kind 'execute plan' are not offered").doesNotContain("root:");
        assertThat(failure(finished(run("SET /* x */ 'pipeline.global-job-parameters' = 'sluice.project:demo'"))))
                .contains("'pipeline.global-job-parameters' may not be changed in a session: the gateway owns it");
        assertThat(failure(finished(run("SELECT 1; SELECT 2")))).contains("one statement per request");
    }

    private static List<RowData> rows(OperationHandle operation) throws InterruptedException {
        assertThat(finished(operation).getStatus().name()).isEqualTo("FINISHED");
        List<RowData> rows = new ArrayList<>();
        long token = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ResultSet page = service.fetchResults(session, operation, token, 100);
            rows.addAll(page.getData());
            if (page.getResultType() == ResultSet.ResultType.EOS) {
                break;
            }
            token = page.getNextToken() == null ? token : page.getNextToken();
            Thread.sleep(20);
        }
        return rows;
    }
}
