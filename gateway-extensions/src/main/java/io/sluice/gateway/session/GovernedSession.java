package io.sluice.gateway.session;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.auth.Credentials;

import org.apache.flink.table.gateway.api.operation.OperationHandle;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the gateway knows of one client session: who opened it, what it mounted, when the client was last heard
 * from and which of its statements may still hold a job.
 */
final class GovernedSession {

    final PrincipalView principal;
    final Credentials credentials;
    /** The project the client asked for on login (null: the user's first), so its login can be checked again alike. */
    final String requestedProject;
    final List<String> environments;
    /** What the gateway set in the session when it opened (job tags, savepoint folder): kept on RESET. */
    final Map<String, String> ownedSettings;
    final Set<OperationHandle> openOperations = ConcurrentHashMap.newKeySet();
    /**
     * Open queries that have delivered a row: their collect sink is open, so cancelling them cannot hit the
     * TaskManager-killing close of a sink that never opened ({@code StartedJobs}), and closing them need not wait.
     */
    final Set<OperationHandle> deliveringOperations = ConcurrentHashMap.newKeySet();
    private volatile long lastSeenNanos = System.nanoTime();

    GovernedSession(
            PrincipalView principal,
            Credentials credentials,
            String requestedProject,
            List<String> environments,
            Map<String, String> ownedSettings) {
        this.principal = principal;
        this.ownedSettings = Map.copyOf(ownedSettings);
        this.credentials = credentials;
        this.requestedProject = requestedProject;
        this.environments = List.copyOf(environments);
    }

    void touch() {
        lastSeenNanos = System.nanoTime();
    }

    long silentForNanos() {
        return System.nanoTime() - lastSeenNanos;
    }
}
