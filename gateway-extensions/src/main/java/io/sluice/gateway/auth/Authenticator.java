package io.sluice.gateway.auth;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.errors.ClientError;

/** Asks catalog-service who a set of credentials belongs to, and words its refusal for the client. */
public final class Authenticator {

    private final CatalogServiceClient catalogService;

    public Authenticator(CatalogServiceClient catalogService) {
        this.catalogService = catalogService;
    }

    /**
     * A new login: refused while catalog-service is unreachable, as credentials are never taken on trust.
     *
     * @param project the project the session works for; null for the user's first project
     */
    public PrincipalView authenticate(Credentials credentials, String project) {
        try {
            return catalogService.login(credentials, project);
        } catch (CatalogServiceException e) {
            throw asClientError(e).raise();
        }
    }

    /** The client-facing form of a catalog-service refusal: 401 stays a login failure, 403 a denial. */
    public static ClientError asClientError(CatalogServiceException e) {
        switch (e.status()) {
            case 401:
                return ClientError.loginFailed(e.getMessage());
            case 403:
                return ClientError.denied(e.getMessage());
            default:
                // an unreachable catalog-service is named in the message already
                return ClientError.unavailable(e.unreachable() ? e.getMessage() : "catalog-service: " + e.getMessage());
        }
    }
}
