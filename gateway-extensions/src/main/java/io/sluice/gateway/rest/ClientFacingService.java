package io.sluice.gateway.rest;

import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.errors.FailureMessages;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.gateway.session.GovernedSqlGatewayService;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.catalog.CatalogBaseTable;
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
import org.apache.flink.table.gateway.service.result.ResultStore;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The governed service as the REST handlers see it: whatever fails in it reaches them as a {@link ClientError}.
 *
 * <p>Flink's handlers answer any other exception with HTTP 500 and the server's stack trace (or wrap it in a
 * {@code RestHandlerException} that prints its cause's trace), and many call a client's mistake — an unknown
 * statement, a refused timeout — an internal error. Here each is worded by
 * {@link FailureMessages#asClientError}: a denial stays what it is, Flink's refusal of the request is a 400 (404
 * for a statement the session does not have) in Flink's own words, and a fault of the gateway's code is a 500 that
 * says so without its internals.
 */
final class ClientFacingService implements SqlGatewayService {

    private final GovernedSqlGatewayService service;
    private final SecretRedactor redactor;

    ClientFacingService(GovernedSqlGatewayService service, SecretRedactor redactor) {
        this.service = service;
        this.redactor = redactor;
    }

    private <T> T answer(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException | StackOverflowError | LinkageError failure) {
            throw clientError(failure).raise();
        }
    }

    private void answer(Runnable call) {
        answer(
                () -> {
                    call.run();
                    return null;
                });
    }

    private ClientError clientError(Throwable failure) {
        return FailureMessages.asClientError(failure, redactor);
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw ClientError.badRequest("The request has no '" + field + "': send it in the JSON body.").raise();
        }
        return value;
    }

    @Override
    public SessionHandle openSession(SessionEnvironment environment) {
        return answer(() -> service.openSession(environment));
    }

    @Override
    public void closeSession(SessionHandle sessionHandle) {
        answer(() -> service.closeSession(sessionHandle));
    }

    @Override
    public void configureSession(SessionHandle sessionHandle, String statement, long executionTimeoutMs) {
        String checked = required(statement, "statement");
        answer(() -> service.configureSession(sessionHandle, checked, executionTimeoutMs));
    }

    @Override
    public Map<String, String> getSessionConfig(SessionHandle sessionHandle) {
        return answer(() -> service.getSessionConfig(sessionHandle));
    }

    @Override
    public EndpointVersion getSessionEndpointVersion(SessionHandle sessionHandle) {
        return answer(() -> service.getSessionEndpointVersion(sessionHandle));
    }

    @Override
    public OperationHandle submitOperation(SessionHandle sessionHandle, Callable<ResultSet> executor) {
        return answer(() -> service.submitOperation(sessionHandle, executor));
    }

    @Override
    public void cancelOperation(SessionHandle sessionHandle, OperationHandle operationHandle) {
        answer(() -> service.cancelOperation(sessionHandle, operationHandle));
    }

    @Override
    public void closeOperation(SessionHandle sessionHandle, OperationHandle operationHandle) {
        answer(() -> service.closeOperation(sessionHandle, operationHandle));
    }

    @Override
    public OperationInfo getOperationInfo(SessionHandle sessionHandle, OperationHandle operationHandle) {
        return answer(() -> service.getOperationInfo(sessionHandle, operationHandle));
    }

    @Override
    public ResolvedSchema getOperationResultSchema(SessionHandle sessionHandle, OperationHandle operationHandle) {
        return answer(() -> service.getOperationResultSchema(sessionHandle, operationHandle));
    }

    @Override
    public OperationHandle executeStatement(
            SessionHandle sessionHandle, String statement, long executionTimeoutMs, Configuration executionConfig) {
        String checked = required(statement, "statement");
        return answer(() -> service.executeStatement(sessionHandle, checked, executionTimeoutMs, executionConfig));
    }

    @Override
    public ResultSet fetchResults(SessionHandle sessionHandle, OperationHandle operationHandle, long token, int maxRows) {
        return answer(() -> service.fetchResults(sessionHandle, operationHandle, token, maxRows));
    }

    @Override
    public ResultSet fetchResults(
            SessionHandle sessionHandle, OperationHandle operationHandle, FetchOrientation orientation, int maxRows) {
        return answer(() -> service.fetchResults(sessionHandle, operationHandle, orientation, maxRows));
    }

    @Override
    public String getCurrentCatalog(SessionHandle sessionHandle) {
        return answer(() -> service.getCurrentCatalog(sessionHandle));
    }

    @Override
    public Set<String> listCatalogs(SessionHandle sessionHandle) {
        return answer(() -> service.listCatalogs(sessionHandle));
    }

    @Override
    public Set<String> listDatabases(SessionHandle sessionHandle, String catalogName) {
        return answer(() -> service.listDatabases(sessionHandle, catalogName));
    }

    @Override
    public Set<TableInfo> listTables(
            SessionHandle sessionHandle,
            String catalogName,
            String databaseName,
            Set<CatalogBaseTable.TableKind> tableKinds) {
        return answer(() -> service.listTables(sessionHandle, catalogName, databaseName, tableKinds));
    }

    @Override
    public ResolvedCatalogBaseTable<?> getTable(SessionHandle sessionHandle, ObjectIdentifier tableIdentifier) {
        return answer(() -> service.getTable(sessionHandle, tableIdentifier));
    }

    /** {@link GovernedSqlGatewayService#getTables}, failures worded as every other call's. */
    Map<ObjectIdentifier, ResolvedCatalogBaseTable<?>> getTables(
            SessionHandle sessionHandle, List<ObjectIdentifier> tableIdentifiers) {
        return answer(() -> service.getTables(sessionHandle, tableIdentifiers));
    }

    /** {@link GovernedSqlGatewayService#rowsToCome}; empty for a statement the caller may not read. */
    Optional<ResultStore> rowsToCome(SessionHandle sessionHandle, OperationHandle operationHandle) {
        try {
            return service.rowsToCome(sessionHandle, operationHandle);
        } catch (RuntimeException notReadable) {
            // the fetch that follows answers why
            return Optional.empty();
        }
    }

    @Override
    public Set<FunctionInfo> listUserDefinedFunctions(SessionHandle sessionHandle, String catalogName, String databaseName) {
        return answer(() -> service.listUserDefinedFunctions(sessionHandle, catalogName, databaseName));
    }

    @Override
    public Set<FunctionInfo> listSystemFunctions(SessionHandle sessionHandle) {
        return answer(() -> service.listSystemFunctions(sessionHandle));
    }

    @Override
    public FunctionDefinition getFunctionDefinition(SessionHandle sessionHandle, UnresolvedIdentifier functionIdentifier) {
        return answer(() -> service.getFunctionDefinition(sessionHandle, functionIdentifier));
    }

    @Override
    public GatewayInfo getGatewayInfo() {
        return answer(service::getGatewayInfo);
    }

    @Override
    public List<String> completeStatement(SessionHandle sessionHandle, String statement, int position) {
        String checked = required(statement, "statement");
        return answer(() -> service.completeStatement(sessionHandle, checked, position));
    }

    @Override
    public OperationHandle refreshMaterializedTable(
            SessionHandle sessionHandle,
            String materializedTableIdentifier,
            boolean isPeriodic,
            String scheduleTime,
            Map<String, String> dynamicOptions,
            Map<String, String> staticPartitions,
            Map<String, String> executionConfig) {
        return answer(
                () -> service.refreshMaterializedTable(
                        sessionHandle, materializedTableIdentifier, isPeriodic, scheduleTime, dynamicOptions,
                        staticPartitions, executionConfig));
    }

    @Override
    public <ClusterID> ClusterID deployScript(
            SessionHandle sessionHandle, URI scriptUri, String script, Configuration executionConfig) {
        return answer(() -> service.<ClusterID>deployScript(sessionHandle, scriptUri, script, executionConfig));
    }
}
