package io.sluice.gateway.access;

import io.sluice.contract.AccessCheck;
import io.sluice.contract.AccessDecision;
import io.sluice.gateway.catalogservice.LastKnownCache;
import io.sluice.gateway.catalogservice.OutageGrace;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Access decisions with a short memory: each decision, allowed or denied, is reused for at most {@code staleness}
 * after catalog-service gave it, so a revoked grant stops working within that bound (and a new one starts); while
 * catalog-service is unreachable, a decision stands for at most the outage grace after it was last confirmed. The
 * checks of one statement that are not cached go to catalog-service in one request.
 */
public final class AccessDecider {

    private final Function<List<AccessCheck>, List<AccessDecision>> decisionApi;
    private final LastKnownCache<DecisionKey, AccessDecision> decisions;

    public AccessDecider(DecisionClient client, Duration staleness, long maxEntries) {
        this(client::decide, staleness, maxEntries, client.outage());
    }

    AccessDecider(
            Function<List<AccessCheck>, List<AccessDecision>> decisionApi,
            Duration staleness,
            long maxEntries,
            OutageGrace outage) {
        this.decisionApi = decisionApi;
        this.decisions = new LastKnownCache<>(staleness, maxEntries, outage);
    }

    /** The decisions on {@code keys}, in their order. */
    public AccessDecision[] decide(DecisionKey[] keys) {
        return decisions
                .getAll(Arrays.asList(keys), missing -> decisionApi.apply(missing.stream().map(DecisionKey::toCheck).toList()))
                .toArray(AccessDecision[]::new);
    }

    /** Forgets every decision, so the next statement asks catalog-service again. */
    public void invalidateAll() {
        decisions.invalidateAll();
    }
}
