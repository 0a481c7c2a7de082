package io.sluice.gateway.access;

import io.sluice.gateway.admission.Admission;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.context.SessionContext;
import org.apache.flink.table.gateway.service.operation.OperationExecutor;
import org.apache.flink.table.gateway.service.result.ResultFetcher;
import org.apache.flink.table.gateway.service.session.Session;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.resource.ResourceManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a statement in a gateway session the way Flink's {@code SqlGatewayServiceImpl.executeStatement} does, with
 * access enforced first, and parsed once: the analysis parses in the very table environment the statement then runs
 * in, and a query runs from the operation the analysis parsed. Other statements (DDL, DML, SET, …) are handed to
 * Flink's own executor, which parses them again; they are rare next to queries, and Flink's handling of them (statement
 * sets, jobs, jars) stays Flink's.
 *
 * <p>The analysis and the decision run in the operation's thread, so a denial fails the operation: the client reads it
 * when it fetches results, as it reads any other failure of the statement.
 */
public final class EnforcedExecution {

    private final StatementAnalyzer analyzer = new StatementAnalyzer();

    /**
     * Submits the statement to its session.
     *
     * @param enforce throws when the session's principal may not run a statement with this access, e.g.
     *     {@code access -> enforcer.enforce(principal, access)}
     */
    public OperationHandle submit(
            SqlGatewayServiceImpl service,
            SessionHandle sessionHandle,
            String statement,
            Configuration executionConfig,
            Consumer<StatementAccess> enforce) {
        return submit(service, sessionHandle, statement, executionConfig, enforce, Admission.ForPrincipal.NONE);
    }

    /**
     * As {@link #submit(SqlGatewayServiceImpl, SessionHandle, String, Configuration, Consumer)}, and a statement that
     * starts a job waits for its admission (quota, free slots) before the job is submitted.
     */
    public OperationHandle submit(
            SqlGatewayServiceImpl service,
            SessionHandle sessionHandle,
            String statement,
            Configuration executionConfig,
            Consumer<StatementAccess> enforce,
            Admission.ForPrincipal admission) {
        Session session = service.getSession(sessionHandle);
        return session.getOperationManager()
                .submitOperation(
                        handle -> run(session.createExecutor(executionConfig), handle, statement, enforce, admission));
    }

    private ResultFetcher run(
            OperationExecutor executor,
            OperationHandle handle,
            String statement,
            Consumer<StatementAccess> enforce,
            Admission.ForPrincipal admission) {
        SessionContext context = executor.getSessionContext();
        // a copy per statement, as Flink's executor makes: the statement's jars do not leak into the session
        ResourceManager resources = context.getSessionState().resourceManager.copy();
        boolean handedOver = false;
        try {
            TableEnvironmentInternal tableEnvironment = executor.getTableEnvironment(resources, new Configuration());
            StatementAnalyzer.Analysis analysis = analyzer.analyze(tableEnvironment, statement);
            enforce.accept(analysis.access());
            List<Operation> operations = analysis.operations();
            try (Admission.Ticket ticket =
                    admission.admit(operations, context.isStatementSetState(), tableEnvironment.getConfig())) {
                if (operations.size() == 1 && operations.get(0) instanceof QueryOperation query && !context.isStatementSetState()) {
                    ResultFetcher fetcher =
                            ResultFetcher.fromTableResult(handle, tableEnvironment.executeInternal(query), true)
                                    .withResourceManager(resources);
                    ticket.started();
                    handedOver = true;
                    return fetcher;
                }
                ResultFetcher fetcher = analysis.definesViewsOnly()
                        ? PlannedTables.definingViews(() -> executor.executeStatement(handle, statement))
                        : executor.executeStatement(handle, statement);
                ticket.started();
                return fetcher;
            }
        } finally {
            if (!handedOver) {
                close(resources);
            }
        }
    }

    private static void close(ResourceManager resources) {
        try {
            resources.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
