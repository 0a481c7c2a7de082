package io.sluice.catalog.access;

import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.UserAccount;

/**
 * Who may read an application by id: the same people its list shows it to — the applicant ({@code scope=mine}) and
 * data admins ({@code scope=all}). To anyone else it answers as if it did not exist (404), so sequential ids cannot
 * be probed for other people's reasons and tables.
 */
public final class ApplicationVisibility {

    private ApplicationVisibility() {}

    public static boolean maySee(UserAccount caller, Application application) {
        return caller.getUsername().equals(application.applicant()) || caller.has(PlatformRole.DATA_ADMIN);
    }
}
