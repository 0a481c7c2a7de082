package io.sluice.catalog.identity;

import java.util.Optional;

/**
 * Who may see a project's members: its own members, data admins (who decide that project's requests) and system
 * admins. A project's existence is public ({@code GET /projects}), so others get 403 rather than 404.
 */
public final class MemberVisibility {

    private MemberVisibility() {}

    public static boolean maySee(UserAccount caller, Optional<ProjectRole> callersRole) {
        return callersRole.isPresent()
                || caller.has(PlatformRole.DATA_ADMIN)
                || caller.has(PlatformRole.SYSTEM_ADMIN);
    }
}
