package io.sluice.gateway.session;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.access.AccessEnforcer;
import io.sluice.gateway.admission.Admission;
import io.sluice.gateway.admission.SessionSeats;
import io.sluice.gateway.auth.Authenticator;
import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.auth.RequestCredentials;
import io.sluice.gateway.catalog.EnvironmentMounts;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.errors.FailureMessages;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.gateway.functions.ProjectFunctions;
import io.sluice.gateway.gate.GatedExecution;
import io.sluice.gateway.gate.JobScope;
import io.sluice.gateway.gate.StatementContext;
import io.sluice.gateway.jobs.OperationResults;
import io.sluice.gateway.jobs.StartedJobs;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogBaseTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UnresolvedIdentifier;
import org.apache.flink.table.functions.FunctionDefinition;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.endpoint.EndpointVersion;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.results.FetchOrientation;
import org.apache.flink.table.gateway.api.results.FunctionInfo;
import org.apache.flink.table.gateway.api.results.GatewayInfo;
import org.apache.flink.table.gateway.api.results.OperationInfo;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.results.TableInfo;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.result.ResultFetcher;
import org.apache.flink.table.gateway.service.result.ResultStore;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Flink's gateway service under governance: every session belongs to a principal from catalog-service, mounts
 * that principal's environment catalogs, keeps to the {@link SessionPolicy}, and answers only its owner while
 * the owner's login is valid; its unfinished statements end when its client goes silent ({@link SessionRegistry}).
 */
public final class GovernedSqlGatewayService implements SqlGatewayService, AutoCloseable {

    private final SqlGatewayServiceImpl delegate;
    private final Authenticator authenticator;
    private final SessionPolicy policy;
    private final AccessEnforcer enforcer;
    private final GatedExecution execution;
    private final Admission admission;
    private final SessionSeats seats;
    private final SecretRedactor redactor;
    private final EnvironmentMounts mounts;

    private final SessionRegistry sessions;
    private final JobOwnership jobs = new JobOwnership();
    private final StartedJobs startedJobs;

    public GovernedSqlGatewayService(
            SqlGatewayServiceImpl delegate,
            CatalogServiceClient catalogService,
            SessionPolicy policy,
            GatedExecution execution,
            AccessEnforcer enforcer,
            SecretRedactor redactor,
            List<String> environments,
            SessionRegistry.Settings sessionSettings,
            StartedJobs startedJobs,
            Admission admission,
            SessionSeats seats,
            ProjectFunctions functions) {
        this.delegate = delegate;
        this.startedJobs = startedJobs;
        this.authenticator = new Authenticator(catalogService);
        this.policy = policy;
        this.enforcer = enforcer;
        this.execution = execution;
        this.redactor = redactor;
        this.mounts =
                new EnvironmentMounts(
                        environments, catalogService, redactor,
                        principal -> (table, action) -> enforcer.requireTable(principal, table, action),
                        functions);
        this.admission = admission;
        this.seats = seats;
        this.sessions = new SessionRegistry(delegate, catalogService, sessionSettings, startedJobs, seats);
    }

    // ---------------------------------------------------------------- sessions

    @Override
    public SessionHandle openSession(SessionEnvironment environment) {
        Map<String, String> requested = environment.getSessionConfig();
        Credentials credentials =
                Credentials.fromSessionProperties(requested)
                        .or(RequestCredentials::current)
                        .orElseThrow(
                                () ->
                                        ClientError.loginFailed(
                                                        "no credentials. Connect with the JDBC properties user and "
                                                                + "password (or token), or send an Authorization "
                                                                + "header: 'Bearer <token>' or Basic.")
                                                .raise());
        String project = requested.get(SessionPolicy.PROJECT_PROPERTY);
        PrincipalView principal = authenticator.authenticate(credentials, project);
        Map<String, String> sessionConfig = policy.sessionProperties(requested, projectOf(principal));
        Map<String, String> ownedSettings = ownedSettings(principal);

        SessionEnvironment.Builder governed =
                SessionEnvironment.newBuilder()
                        .setSessionEndpointVersion(environment.getSessionEndpointVersion())
                        .addSessionConfig(sessionConfig)
                        .addSessionConfig(ownedSettings);
        environment.getSessionName().ifPresent(governed::setSessionName);
        List<String> mounted = mounts.mount(principal, governed);
        SessionHandle handle = seats.open(principal, () -> delegate.openSession(governed.build()));
        sessions.opened(handle, principal, credentials, project, mounted, ownedSettings);
        return handle;
    }

    /**
     * What the gateway sets in a session, which tenants cannot change and a bare {@code RESET} keeps: tags on every
     * job of the session with its project and user, so that jobs can be told apart by owner; the project's savepoint
     * folder.
     */
    private Map<String, String> ownedSettings(PrincipalView principal) {
        Map<String, String> owned = new HashMap<>(policy.savepoints().sessionSettings(projectOf(principal)));
        owned.put(
                SessionPolicy.JOB_TAGS_KEY,
                JobOwnership.PROJECT_TAG + ":" + projectOf(principal) + "," + JobOwnership.USER_TAG + ":"
                        + principal.user());
        return owned;
    }

    private static String projectOf(PrincipalView principal) {
        return principal.project() == null ? "" : principal.project();
    }

    @Override
    public void closeSession(SessionHandle sessionHandle) {
        GovernedSession session = owned(sessionHandle);
        startedJobs.awaitStarted(sessionHandle, session.openOperations);
        delegate.closeSession(sessionHandle);
        sessions.closed(sessionHandle);
    }

    /** The session behind a handle, for a request its owner may make now (see {@link SessionRegistry#owned}). */
    private GovernedSession owned(SessionHandle sessionHandle) {
        return sessions.owned(sessionHandle);
    }

    @Override
    public void configureSession(SessionHandle sessionHandle, String statement, long executionTimeoutMs) {
        GovernedSession session = owned(sessionHandle);
        refuseTimeout(executionTimeoutMs);
        try {
            execution.configure(delegate, sessionHandle, statement, context(sessionHandle, session));
        } catch (Exception failure) {
            throw asClientError(failure).raise();
        }
    }

    @Override
    public Map<String, String> getSessionConfig(SessionHandle sessionHandle) {
        owned(sessionHandle);
        Map<String, String> config = new HashMap<>(delegate.getSessionConfig(sessionHandle));
        config.keySet().removeIf(SessionPolicy::isHidden);
        return config;
    }

    @Override
    public EndpointVersion getSessionEndpointVersion(SessionHandle sessionHandle) {
        owned(sessionHandle);
        return delegate.getSessionEndpointVersion(sessionHandle);
    }

    // ---------------------------------------------------------------- statements and operations

    @Override
    public OperationHandle executeStatement(
            SessionHandle sessionHandle, String statement, long executionTimeoutMs, Configuration executionConfig) {
        GovernedSession session = owned(sessionHandle);
        refuseTimeout(executionTimeoutMs);
        Map<String, String> statementConfig = executionConfig.toMap();
        if (!statementConfig.isEmpty()) {
            requireAllowed(statementConfig, projectOf(session.principal));
        }
        OperationHandle operation =
                execution.submit(delegate, sessionHandle, statement, executionConfig, context(sessionHandle, session));
        session.openOperations.add(operation);
        return operation;
    }

    /** Flink has no execution timeouts (FLINK-27838); saying so beats its internal error. */
    private static void refuseTimeout(long executionTimeoutMs) {
        if (executionTimeoutMs > 0) {
            throw ClientError.badRequest(
                            "executionTimeout is not supported: send 0 or leave it out, and cancel a statement that "
                                    + "runs too long by closing its operation.")
                    .raise();
        }
    }

    private StatementContext context(SessionHandle sessionHandle, GovernedSession session) {
        String project = projectOf(session.principal);
        JobScope own =
                new JobScope() {
                    @Override
                    public boolean isOwn(String jobId) {
                        return jobs.project(jobId, delegate.getSessionConfig(sessionHandle)).filter(project::equals).isPresent();
                    }

                    @Override
                    public void beforeStopping(String jobId) {
                        startedJobs.awaitStarted(jobId, delegate.getSessionConfig(sessionHandle));
                    }
                };
        return new StatementContext(session.principal, own, session.ownedSettings, admission.forPrincipal(session.principal));
    }

    private void requireAllowed(Map<String, String> statementConfig, String project) {
        Set<String> kept = policy.sessionProperties(statementConfig, project).keySet();
        List<String> refused = statementConfig.keySet().stream().filter(k -> !kept.contains(k)).sorted().toList();
        if (!refused.isEmpty()) {
            throw ClientError.denied("a statement may not set " + String.join(", ", refused) + ".").raise();
        }
    }

    @Override
    public OperationHandle submitOperation(SessionHandle sessionHandle, Callable<ResultSet> executor) {
        GovernedSession session = owned(sessionHandle);
        OperationHandle operation = delegate.submitOperation(sessionHandle, executor);
        session.openOperations.add(operation);
        return operation;
    }

    @Override
    public ResultSet fetchResults(SessionHandle sessionHandle, OperationHandle operationHandle, long token, int maxRows) {
        GovernedSession session = owned(sessionHandle);
        return finishedWhenEos(
                session, operationHandle, () -> delegate.fetchResults(sessionHandle, operationHandle, token, maxRows));
    }

    @Override
    public ResultSet fetchResults(
            SessionHandle sessionHandle, OperationHandle operationHandle, FetchOrientation orientation, int maxRows) {
        GovernedSession session = owned(sessionHandle);
        return finishedWhenEos(
                session, operationHandle, () -> delegate.fetchResults(sessionHandle, operationHandle, orientation, maxRows));
    }

    private ResultSet finishedWhenEos(GovernedSession session, OperationHandle operation, Callable<ResultSet> fetch) {
        ResultSet result;
        try {
            result = fetch.call();
        } catch (Exception failure) {
            throw asClientError(failure).raise();
        }
        if (result.getResultType() == ResultSet.ResultType.EOS) {
            session.openOperations.remove(operation);
            session.deliveringOperations.remove(operation);
        } else if (result.getResultType() == ResultSet.ResultType.PAYLOAD && result.isQueryResult()
                && !result.getData().isEmpty() && session.openOperations.contains(operation)) {
            session.deliveringOperations.add(operation);
        }
        return result;
    }

    /** A failed statement as one clean message: the denial if there was one, else the failure's own words. */
    private ClientError asClientError(Throwable failure) {
        return FailureMessages.asClientError(failure, redactor);
    }

    @Override
    public void cancelOperation(SessionHandle sessionHandle, OperationHandle operationHandle) {
        owned(sessionHandle);
        startedJobs.awaitStarted(sessionHandle, operationHandle);
        if (delegate.getOperationInfo(sessionHandle, operationHandle).getStatus().isTerminalStatus()) {
            // Flink cancels only a statement still running; a query's statement ends once its job is submitted
            throw ClientError.badRequest(
                            "statement " + operationHandle + " has ended and can no longer be cancelled: close it "
                                    + "to stop its job, if it started one.")
                    .raise();
        }
        delegate.cancelOperation(sessionHandle, operationHandle);
    }

    @Override
    public void closeOperation(SessionHandle sessionHandle, OperationHandle operationHandle) {
        GovernedSession session = owned(sessionHandle);
        boolean unfinished = session.openOperations.remove(operationHandle);
        boolean delivering = session.deliveringOperations.remove(operationHandle);
        if (unfinished && !delivering) {
            // a statement read to its end, or a query that delivered rows, has no collect sink left opening: the
            // common cases cost no call to the cluster
            startedJobs.awaitStarted(sessionHandle, operationHandle);
        }
        delegate.closeOperation(sessionHandle, operationHandle);
    }

    @Override
    public OperationInfo getOperationInfo(SessionHandle sessionHandle, OperationHandle operationHandle) {
        owned(sessionHandle);
        return delegate.getOperationInfo(sessionHandle, operationHandle);
    }

    /**
     * The result of a query whose rows are still coming with none yet to fetch (a fetch now would answer an empty
     * page), for the fetch to wait on; empty whenever that is not sure: the statement is still being submitted, is no
     * query, has delivered all its rows, or this Flink keeps its result elsewhere than Flink 2.2.1.
     */
    public Optional<ResultStore> rowsToCome(SessionHandle sessionHandle, OperationHandle operationHandle) {
        owned(sessionHandle);
        return OperationResults.operation(delegate, sessionHandle, operationHandle)
                .flatMap(OperationResults::queryResult)
                .map(ResultFetcher::getResultStore)
                // a query answered without a job has its rows in the fetcher, behind the store of no rows
                .filter(store -> store != ResultStore.DUMMY_RESULT_STORE)
                .filter(OperationResults::awaitingRows);
    }

    @Override
    public ResolvedSchema getOperationResultSchema(SessionHandle sessionHandle, OperationHandle operationHandle) {
        owned(sessionHandle);
        return delegate.getOperationResultSchema(sessionHandle, operationHandle);
    }

    // ---------------------------------------------------------------- catalog browsing: owner checked, then Flink

    @Override
    public String getCurrentCatalog(SessionHandle sessionHandle) {
        owned(sessionHandle);
        return delegate.getCurrentCatalog(sessionHandle);
    }

    @Override
    public Set<String> listCatalogs(SessionHandle sessionHandle) {
        owned(sessionHandle);
        return delegate.listCatalogs(sessionHandle);
    }

    @Override
    public Set<String> listDatabases(SessionHandle sessionHandle, String catalogName) {
        owned(sessionHandle);
        return delegate.listDatabases(sessionHandle, catalogName);
    }

    @Override
    public Set<TableInfo> listTables(
            SessionHandle sessionHandle,
            String catalogName,
            String databaseName,
            Set<CatalogBaseTable.TableKind> tableKinds) {
        owned(sessionHandle);
        return delegate.listTables(sessionHandle, catalogName, databaseName, tableKinds);
    }

    @Override
    public ResolvedCatalogBaseTable<?> getTable(SessionHandle sessionHandle, ObjectIdentifier tableIdentifier) {
        owned(sessionHandle);
        return delegate.getTable(sessionHandle, tableIdentifier);
    }

    /**
     * Tables of the session, each resolved as {@link #getTable} resolves it, all with one table environment: Flink's
     * {@code getTable} builds a table environment per call (milliseconds each), which made listing a database of
     * 1,000 tables with their schemas take seconds. A table that cannot be resolved now is left out of the answer.
     */
    public Map<ObjectIdentifier, ResolvedCatalogBaseTable<?>> getTables(
            SessionHandle sessionHandle, List<ObjectIdentifier> tableIdentifiers) {
        owned(sessionHandle);
        CatalogManager catalogs =
                delegate.getSession(sessionHandle).createExecutor().getTableEnvironment().getCatalogManager();
        Map<ObjectIdentifier, ResolvedCatalogBaseTable<?>> resolved = new LinkedHashMap<>();
        for (ObjectIdentifier identifier : tableIdentifiers) {
            try {
                resolved.put(identifier, catalogs.getTableOrError(identifier).getResolvedTable());
            } catch (RuntimeException unresolvable) {
                // its definition broke: DESCRIBE on it says why
            }
        }
        return resolved;
    }

    @Override
    public Set<FunctionInfo> listUserDefinedFunctions(SessionHandle sessionHandle, String catalogName, String databaseName) {
        owned(sessionHandle);
        return delegate.listUserDefinedFunctions(sessionHandle, catalogName, databaseName);
    }

    @Override
    public Set<FunctionInfo> listSystemFunctions(SessionHandle sessionHandle) {
        owned(sessionHandle);
        return delegate.listSystemFunctions(sessionHandle);
    }

    @Override
    public FunctionDefinition getFunctionDefinition(SessionHandle sessionHandle, UnresolvedIdentifier functionIdentifier) {
        owned(sessionHandle);
        return delegate.getFunctionDefinition(sessionHandle, functionIdentifier);
    }

    @Override
    public GatewayInfo getGatewayInfo() {
        return delegate.getGatewayInfo();
    }

    @Override
    public List<String> completeStatement(SessionHandle sessionHandle, String statement, int position) {
        owned(sessionHandle);
        return delegate.completeStatement(sessionHandle, statement, position);
    }

    // ---------------------------------------------------------------- paths that would bypass the gate

    @Override
    public OperationHandle refreshMaterializedTable(
            SessionHandle sessionHandle,
            String materializedTableIdentifier,
            boolean isPeriodic,
            String scheduleTime,
            Map<String, String> dynamicOptions,
            Map<String, String> staticPartitions,
            Map<String, String> executionConfig) {
        throw ClientError.denied("materialized tables are not offered through this gateway.").raise();
    }

    @Override
    public <ClusterID> ClusterID deployScript(
            SessionHandle sessionHandle, URI scriptUri, String script, Configuration executionConfig) {
        throw ClientError.denied("deploying scripts is not offered through this gateway: run statements instead.")
                .raise();
    }

    @Override
    public void close() {
        sessions.close();
    }
}
