package io.sluice.gateway.gate;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.admission.Admission;

import java.util.Map;

/**
 * What the gate needs to know of the session a statement runs in.
 *
 * @param principal who runs it
 * @param jobs which jobs are the session's project's
 * @param ownedSettings the session settings the gateway put there when the session opened (its job tags, its
 *     project's savepoint folder), which a bare {@code RESET} must keep
 * @param admission whether a statement that starts a job may start it now: quotas and free slots
 */
public record StatementContext(
        PrincipalView principal, JobScope jobs, Map<String, String> ownedSettings, Admission.ForPrincipal admission) {

    public StatementContext {
        ownedSettings = Map.copyOf(ownedSettings);
    }
}
