package io.sluice.gateway.catalog;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.gateway.functions.ProjectFunctions;

import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which environment catalogs a new session mounts, and mounting them. The principal view decides which
 * environments a user may mount (catalog-service lists them with the login, so deciding costs no call; a view
 * that lists none mounts none); the catalogs themselves come from the client's per-environment cache, the same
 * for every user, so a session open reads nothing of its own once an environment's catalog is cached.
 */
public final class EnvironmentMounts {

    private final List<String> environments;
    private final CatalogServiceClient catalogService;
    private final SecretRedactor redactor;
    private final Function<PrincipalView, TableGuard> guards;
    private final ProjectFunctions functions;

    /**
     * @param environments the environments this gateway offers, in order: the first one mounted is the session's
     *     current catalog
     * @param guards the table guard of a principal's session
     */
    public EnvironmentMounts(
            List<String> environments,
            CatalogServiceClient catalogService,
            SecretRedactor redactor,
            Function<PrincipalView, TableGuard> guards,
            ProjectFunctions functions) {
        this.environments = List.copyOf(environments);
        this.catalogService = catalogService;
        this.redactor = redactor;
        this.guards = guards;
        this.functions = functions;
    }

    /**
     * Registers on {@code session} a catalog for each offered environment the principal may mount and makes the
     * first its current catalog. Each catalog is read (from the cache, or once for every session when it is not
     * cached) before the session exists, so that catalog-service being down is one clear error at login, not a
     * failing statement later.
     *
     * @return the environments mounted
     */
    public List<String> mount(PrincipalView principal, SessionEnvironment.Builder session) {
        List<String> mounted = environments.stream().filter(principal::mayMount).toList();
        TableGuard guard = guards.apply(principal);
        for (String name : mounted) {
            Map<String, CatalogFunction> projectFunctions;
            try {
                catalogService.environmentCatalog(name);
                projectFunctions = functions.of(principal.project(), name);
            } catch (CatalogServiceException e) {
                throw ClientError.unavailable(
                                "catalog-service: the catalog of environment " + name + " cannot be read: "
                                        + e.getMessage())
                        .raise();
            }
            session.registerCatalogCreator(
                    name,
                    (config, classLoader) -> new EnvironmentCatalog(
                            name, catalogService, redactor, guard, principal.user(), projectFunctions));
        }
        if (!mounted.isEmpty()) {
            session.setDefaultCatalog(mounted.get(0));
        }
        return mounted;
    }
}
