package io.sluice.gateway.access;

import io.sluice.contract.AccessCheck;
import io.sluice.contract.AccessDecision;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Access decisions with a short memory: each decision, allowed or denied, is reused for at most {@code staleness}
 * after catalog-service gave it, so a revoked grant stops working within that bound (and a new one starts). The
 * checks of one statement that are not cached go to catalog-service in one request.
 */
public final class AccessDecider {

    private final Function<List<AccessCheck>, List<AccessDecision>> decisionApi;
    private final Cache<DecisionKey, AccessDecision> decisions;

    public AccessDecider(DecisionClient client, Duration staleness, long maxEntries) {
        this(client::decide, staleness, maxEntries, Ticker.systemTicker());
    }

    AccessDecider(
            Function<List<AccessCheck>, List<AccessDecision>> decisionApi,
            Duration staleness,
            long maxEntries,
            Ticker ticker) {
        this.decisionApi = decisionApi;
        this.decisions =
                Caffeine.newBuilder().expireAfterWrite(staleness).maximumSize(maxEntries).ticker(ticker).build();
    }

    /** The decisions on {@code keys}, in their order. */
    public AccessDecision[] decide(DecisionKey[] keys) {
        AccessDecision[] answers = new AccessDecision[keys.length];
        List<Integer> missing = null;
        for (int i = 0; i < keys.length; i++) {
            answers[i] = decisions.getIfPresent(keys[i]);
            if (answers[i] == null) {
                if (missing == null) {
                    missing = new ArrayList<>(keys.length - i);
                }
                missing.add(i);
            }
        }
        if (missing != null) {
            List<AccessCheck> checks = new ArrayList<>(missing.size());
            for (int i : missing) {
                checks.add(keys[i].toCheck());
            }
            List<AccessDecision> fresh = decisionApi.apply(checks);
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                answers[i] = fresh.get(j);
                decisions.put(keys[i], fresh.get(j));
            }
        }
        return answers;
    }

    /** Forgets every decision, so the next statement asks catalog-service again. */
    public void invalidateAll() {
        decisions.invalidateAll();
    }
}
