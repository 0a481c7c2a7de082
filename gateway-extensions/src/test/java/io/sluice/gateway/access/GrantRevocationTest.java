package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.catalogservice.OutageGrace;
import io.sluice.contract.PrincipalView;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.localstack.LocalStack;

import org.apache.flink.table.catalog.ObjectIdentifier;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Grants made and revoked in the real catalog-service take effect in the gateway within the decision staleness: the
 * cached decision is used until it is stale, and no later than the bound the new decision applies.
 */
class GrantRevocationTest {

    private static final Duration STALENESS = Duration.ofSeconds(2);
    /** Room for one poll and one decision request on a busy machine. */
    private static final Duration SLACK = Duration.ofMillis(500);

    @Test
    void grantsAndRevocationsTakeEffectWithinTheStaleness() throws InterruptedException {
        LocalStack stack = GatewayStack.get();
        CorpusTenant.ensure(stack);
        String gatewayToken = stack.issueToken("gateway", CorpusTenant.password("gateway"));
        AccessEnforcer enforcer = new AccessEnforcer(
                new AccessDecider(new DecisionClient(stack.catalogServiceUrl, gatewayToken, Duration.ofSeconds(10),
                        new OutageGrace(Duration.ZERO)), STALENESS, 100),
                Set.of("test", "prod"), option -> false, STALENESS);
        PrincipalView erin = new PrincipalView("erin", "erin", "analytics", "developer", List.of(), List.of(), List.of());
        StatementAccess readAuditLog = new StatementAccess(
                List.of(new TableAccess(ObjectIdentifier.of("test", "demo_kafka", "audit_log"), false, Action.SELECT,
                        List.of("event"), Map.of())),
                List.of(), 1);
        assertThat(enforcer.check(erin, readAuditLog)).as("before the grant").isPresent();

        long grant = CorpusTenant.grantSelect(stack, "test", "audit_log", "erin");
        long granted = System.nanoTime();
        long allowedAfter = nanosUntil(granted, () -> enforcer.check(erin, readAuditLog).isEmpty());
        assertThat(Duration.ofNanos(allowedAfter)).as("a new grant works within the staleness")
                .isLessThanOrEqualTo(STALENESS.plus(SLACK));

        CorpusTenant.revoke(stack, grant);
        long revoked = System.nanoTime();
        boolean cachedStillAllows = enforcer.check(erin, readAuditLog).isEmpty();
        if (System.nanoTime() - granted - allowedAfter < STALENESS.toNanos()) {
            assertThat(cachedStillAllows).as("the cached decision is used until it is stale").isTrue();
        }
        long deniedAfter = nanosUntil(revoked, () -> enforcer.check(erin, readAuditLog).isPresent());
        assertThat(Duration.ofNanos(deniedAfter)).as("a revoked grant stops working within the staleness")
                .isLessThanOrEqualTo(STALENESS.plus(SLACK));
        assertThat(enforcer.check(erin, readAuditLog))
                .hasValueSatisfying(d -> assertThat(d.message()).contains("may not select test.demo_kafka.audit_log"));
    }

    /** How long after {@code since} the condition first held; gives up well past the bound. */
    private static long nanosUntil(long since, BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - since > STALENESS.multipliedBy(3).toNanos()) {
                return System.nanoTime() - since;
            }
            Thread.sleep(20);
        }
        return System.nanoTime() - since;
    }
}
