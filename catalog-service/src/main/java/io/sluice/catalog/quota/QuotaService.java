package io.sluice.catalog.quota;

import io.sluice.catalog.changes.ChangeFeed;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.QuotaView;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who may read and change a project's quota; a change reaches the gateways through the change feed. */
@Service
@Transactional
public class QuotaService {

    private final QuotaRepository quotas;
    private final QuotaDefaults defaults;
    private final IdentityService identity;
    private final ChangeFeed changes;

    QuotaService(QuotaRepository quotas, QuotaDefaults defaults, IdentityService identity, ChangeFeed changes) {
        this.quotas = quotas;
        this.defaults = defaults;
        this.identity = identity;
        this.changes = changes;
    }

    /** The project's quota, for its members, system admins and the gateway that enforces it. */
    @Transactional(readOnly = true)
    public QuotaView quota(UserAccount actor, String projectName) {
        Project project = identity.project(projectName);
        if (!actor.has(PlatformRole.SYSTEM_ADMIN) && !actor.has(PlatformRole.GATEWAY)
                && identity.roleIn(actor, project).isEmpty()) {
            throw CatalogException.forbidden(
                    "only members of project '" + project.name() + "', system admins and the gateway may read its "
                            + "quota; " + actor.getUsername() + " is none of them");
        }
        return QuotaRules.effective(project.name(), quotas.find(project.name()).orElseThrow(), defaults);
    }

    /** Replaces the project's quota: fields left out or null take the platform default. System admins only. */
    public QuotaView setQuota(UserAccount actor, String projectName, Map<String, Object> body) {
        IdentityService.requireRole(actor, PlatformRole.SYSTEM_ADMIN, "change a project's quota");
        Project project = identity.project(projectName);
        QuotaSettings own = QuotaRules.fromBody(body);
        quotas.save(project.name(), own);
        changes.recordQuota(project.name());
        return QuotaRules.effective(project.name(), own, defaults);
    }
}
