package io.sluice.catalog.datasource;

import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.UserAccount;

/**
 * What of a data source a caller may see. Everyone signed in may know it exists — its name, kind, description,
 * environments and management mode, which they need to ask for a publication — but its connections (addresses,
 * URLs, user names and other properties, and which secrets it holds) and who registered it only data admins and
 * system admins see; secrets no one sees. Connecting to a data source (stored or not) is theirs too: its answer
 * names hosts and users, and an unsaved config would let anyone make the service connect anywhere.
 */
public final class DataSourceVisibility {

    private DataSourceVisibility() {}

    public static boolean maySeeConnections(UserAccount caller) {
        return caller.has(PlatformRole.DATA_ADMIN) || caller.has(PlatformRole.SYSTEM_ADMIN);
    }

    /** The view as this caller may see it. */
    public static DataSourceView forCaller(UserAccount caller, DataSourceView view) {
        return maySeeConnections(caller) ? view : view.withoutConnections();
    }
}
