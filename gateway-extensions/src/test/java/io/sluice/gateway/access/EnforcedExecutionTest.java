package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.catalog.EnvironmentCatalog;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.errors.SecretRedactor;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Statements run through Flink's own gateway service with {@link EnforcedExecution}, as the governed service is to run
 * them: a session with the gateway's environment catalogs over the real catalog-service, bob's principal, decisions
 * from the real decision API, jobs on the test stack's MiniCluster.
 */
class EnforcedExecutionTest {

    private static SessionManager sessions;
    private static SqlGatewayServiceImpl service;
    private static AccessEnforcer enforcer;
    private static PrincipalView bob;
    private static SessionHandle session;
    private final EnforcedExecution execution = new EnforcedExecution();

    @BeforeAll
    static void session() throws Exception {
        LocalStack stack = GatewayStack.get();
        CorpusTenant.ensure(stack);
        String gatewayToken = stack.issueToken("gateway", CorpusTenant.password("gateway"));
        Duration staleness = Duration.ofSeconds(5);
        CatalogServiceClient catalogService = new CatalogServiceClient(
                stack.catalogServiceUrl, gatewayToken, Duration.ofSeconds(10), staleness, staleness, Duration.ofMinutes(5), 100);
        enforcer = new AccessEnforcer(
                new AccessDecider(new DecisionClient(stack.catalogServiceUrl, gatewayToken, Duration.ofSeconds(10)), staleness, 100),
                Set.of("test", "prod"), option -> false, staleness);
        Credentials credentials = Credentials.basic("bob", CorpusTenant.password("bob"));
        bob = catalogService.principal(credentials);

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
                            (table, action) -> enforcer.requireTable(bob, table, action)));
        }
        session = service.openSession(environment.setDefaultCatalog("test").build());
        OperationHandle use = new EnforcedExecution().submit(
                service, session, "USE demo_kafka", new Configuration(), access -> enforcer.enforce(bob, access));
        assertThat(finished(use).getStatus().name()).isEqualTo("FINISHED");
    }

    @AfterAll
    static void close() {
        service.closeSession(session);
        sessions.stop();
    }

    private OperationHandle run(String statement) {
        return execution.submit(service, session, statement, new Configuration(), access -> enforcer.enforce(bob, access));
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

    private String failure(OperationInfo info) {
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
        OperationHandle query = run("SELECT 41 + 1");
        assertThat(finished(query).getStatus().name()).isEqualTo("FINISHED");
        List<RowData> rows = new ArrayList<>();
        long token = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ResultSet page = service.fetchResults(session, query, token, 10);
            rows.addAll(page.getData());
            if (page.getResultType() == ResultSet.ResultType.EOS) {
                break;
            }
            token = page.getNextToken() == null ? token : page.getNextToken();
            Thread.sleep(20);
        }
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.getInt(0)).isEqualTo(42));
    }

    @Test
    void otherStatementsRunThroughFlinkAndTheirEffectsAreJudgedLater() throws InterruptedException {
        assertThat(finished(run("CREATE TEMPORARY VIEW forbidden_view AS SELECT * FROM salaries")).getStatus().name())
                .isEqualTo("FINISHED");
        assertThat(failure(finished(run("SELECT COUNT(*) FROM forbidden_view"))))
                .contains("may not select test.demo_kafka.salaries");
        assertThat(failure(finished(run("CREATE TEMPORARY TABLE own_topic (x INT) WITH ('connector' = 'datagen')"))))
                .contains("names its own 'connector'");
    }
}
