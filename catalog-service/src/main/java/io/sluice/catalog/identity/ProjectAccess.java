package io.sluice.catalog.identity;

import io.sluice.catalog.common.CatalogException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change what a project keeps at project level (its functions, templates, variables): members see
 * it (and the gateway, for sessions), project admins and developers change it, data admins act for any project and
 * system admins read. Nobody else learns what a project keeps.
 */
@Component
public class ProjectAccess {

    private final IdentityService identity;

    ProjectAccess(IdentityService identity) {
        this.identity = identity;
    }

    /** @param items what is read, in the plural ("functions"), for the refusal */
    public void requireReader(UserAccount actor, Project project, String items) {
        if (actor.has(PlatformRole.GATEWAY) || actor.has(PlatformRole.DATA_ADMIN) || actor.has(PlatformRole.SYSTEM_ADMIN)
                || identity.roleIn(actor, project).isPresent()) {
            return;
        }
        throw CatalogException.forbidden(actor.getUsername() + " is not a member of project '" + project.name()
                + "', so may not see its " + items);
    }

    /** @param items what is changed, in the plural ("functions"), for the refusal */
    public void requireDeveloper(UserAccount actor, Project project, String items) {
        if (actor.has(PlatformRole.DATA_ADMIN)) {
            return;
        }
        ProjectRole role = identity.roleIn(actor, project).orElse(null);
        if (role == null || !role.designsTables()) {
            throw CatalogException.forbidden(actor.getUsername() + " may not change the " + items + " of project '"
                    + project.name() + "': that takes the project_admin or developer role in it");
        }
    }
}
