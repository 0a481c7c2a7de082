package io.sluice.catalog.function;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.ProjectRole;
import io.sluice.catalog.identity.UserAccount;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a project's functions. Functions are code and act at project level: members see them (and
 * the gateway, for sessions), project admins and developers change them, data admins act for any project and system
 * admins read. Nobody else learns that a project has a function.
 */
@Component
class FunctionAccess {

    private final IdentityService identity;

    FunctionAccess(IdentityService identity) {
        this.identity = identity;
    }

    void requireReader(UserAccount actor, Project project) {
        if (actor.has(PlatformRole.GATEWAY) || actor.has(PlatformRole.DATA_ADMIN) || actor.has(PlatformRole.SYSTEM_ADMIN)
                || identity.roleIn(actor, project).isPresent()) {
            return;
        }
        throw CatalogException.forbidden(actor.getUsername() + " is not a member of project '" + project.name()
                + "', so may not see its functions");
    }

    void requireDeveloper(UserAccount actor, Project project) {
        if (actor.has(PlatformRole.DATA_ADMIN)) {
            return;
        }
        ProjectRole role = identity.roleIn(actor, project).orElse(null);
        if (role == null || !role.designsTables()) {
            throw CatalogException.forbidden(actor.getUsername() + " may not change the functions of project '"
                    + project.name() + "': that takes the project_admin or developer role in it");
        }
    }
}
