package io.sluice.bench.gatewayaccess;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.access.AccessEnforcer;
import io.sluice.gateway.admission.Admission;
import io.sluice.gateway.gate.GatedExecution;
import io.sluice.gateway.gate.StatementContext;
import io.sluice.gateway.gate.StatementGate;
import io.sluice.gateway.gate.StatementLimits;
import io.sluice.gateway.session.SessionPolicy;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.session.SessionManager;

import java.util.List;
import java.util.Map;

/**
 * Flink's gateway service with the statement gate on every statement, as the governed service runs it: parsed once in
 * its own operation, judged on the parsed operation, access decided, and the judged operation run. The principal is
 * fixed, since the benchmark measures the gate and enforcement, not login.
 */
final class EnforcingGatewayService extends SqlGatewayServiceImpl {

    private final GatedExecution execution;
    private final StatementContext context;

    EnforcingGatewayService(SessionManager sessions, AccessEnforcer enforcer, PrincipalView principal) {
        super(sessions);
        this.execution =
                new GatedExecution(
                        new StatementLimits(1 << 20, 200), new StatementGate(new SessionPolicy(List.of("table.*")), enforcer));
        this.context = new StatementContext(principal, jobId -> false, Map.of(), Admission.ForPrincipal.NONE);
    }

    @Override
    public OperationHandle executeStatement(
            SessionHandle sessionHandle, String statement, long executionTimeoutMs, Configuration executionConfig) {
        return execution.submit(this, sessionHandle, statement, executionConfig, context);
    }
}
