package io.sluice.bench.gatewayaccess;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.access.AccessEnforcer;
import io.sluice.gateway.access.EnforcedExecution;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.session.SessionManager;

/**
 * Flink's gateway service with access enforced on every statement, as the governed service runs it: the statement is
 * analysed and decided in its own operation and, when it is a query, run from the operation the analysis parsed. The
 * principal is fixed, since the benchmark measures enforcement, not login.
 */
final class EnforcingGatewayService extends SqlGatewayServiceImpl {

    private final EnforcedExecution execution = new EnforcedExecution();
    private final AccessEnforcer enforcer;
    private final PrincipalView principal;

    EnforcingGatewayService(SessionManager sessions, AccessEnforcer enforcer, PrincipalView principal) {
        super(sessions);
        this.enforcer = enforcer;
        this.principal = principal;
    }

    @Override
    public OperationHandle executeStatement(
            SessionHandle sessionHandle, String statement, long executionTimeoutMs, Configuration executionConfig) {
        return execution.submit(
                this, sessionHandle, statement, executionConfig, access -> enforcer.enforce(principal, access));
    }
}
