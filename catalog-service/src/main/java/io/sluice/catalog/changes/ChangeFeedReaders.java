package io.sluice.catalog.changes;

import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.UserAccount;

/**
 * Who may read the change feed: the gateway (it polls it to drop cached catalogs, decisions, connections and
 * quotas), data admins and system admins. It names every project's tables, grants, data sources and quota changes,
 * so a plain user, who sees only their own share of those elsewhere, gets 403.
 */
public final class ChangeFeedReaders {

    private ChangeFeedReaders() {}

    public static boolean mayRead(UserAccount caller) {
        return caller.has(PlatformRole.GATEWAY) || caller.has(PlatformRole.DATA_ADMIN) || caller.has(PlatformRole.SYSTEM_ADMIN);
    }
}
