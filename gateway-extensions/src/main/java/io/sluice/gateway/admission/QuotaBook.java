package io.sluice.gateway.admission;

import io.sluice.contract.QuotaView;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.catalogservice.LastKnownCache;
import io.sluice.gateway.errors.ClientError;

import java.time.Duration;

/**
 * The quotas of projects, read from catalog-service with the gateway's service token and kept until the change
 * feed reports a change of the project's quota (or the TTL passes); while catalog-service is unreachable, for the
 * outage grace. Fails closed: without a quota a project's sessions and jobs are refused.
 */
public final class QuotaBook {

    private final CatalogServiceClient catalogService;
    private final LastKnownCache<String, QuotaView> quotas;

    public QuotaBook(CatalogServiceClient catalogService, Duration ttl) {
        this.catalogService = catalogService;
        this.quotas = new LastKnownCache<>(ttl, 10_000, catalogService.outage());
    }

    public QuotaView of(String project) {
        try {
            return quotas.get(project, catalogService::quota);
        } catch (CatalogServiceException e) {
            // the gateway's own token was refused or catalog-service is down: not the client's doing either way
            throw ClientError.unavailable(
                            "catalog-service: the quota of project " + project + " cannot be read (" + e.getMessage()
                                    + "); statements and sessions that need it are refused until it can.")
                    .raise();
        }
    }

    /**
     * Drops a project's cached quota, so that the next statement or session reads the changed one; every project's
     * for {@code null}.
     */
    public void forget(String project) {
        if (project == null) {
            quotas.invalidateAll();
        } else {
            quotas.invalidate(project);
        }
    }
}
