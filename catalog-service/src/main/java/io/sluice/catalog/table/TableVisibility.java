package io.sluice.catalog.table;

import io.sluice.catalog.common.Filter;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.UserAccount;
import java.util.function.BooleanSupplier;

/**
 * Who may see a table. One published to test or prod is in that environment's catalog, the same for every user, so
 * every signed-in user sees it, its design versions included. A design not published anywhere yet is the owner
 * project's work in progress: its members see it, and so do data admins and system admins (who steward and manage
 * every project) and the gateway. To anyone else it does not exist: an endpoint that names it answers as for a
 * missing table (404), and lists — of tables and of publish requests — leave it out. (Its name still cannot be
 * taken by another table: names are unique across the platform.)
 */
public final class TableVisibility {

    private TableVisibility() {}

    /** Whether the caller sees every table, published or not, so that nothing needs to be looked up. */
    public static boolean seesEveryDesign(UserAccount caller) {
        return caller.has(PlatformRole.DATA_ADMIN) || caller.has(PlatformRole.SYSTEM_ADMIN) || caller.has(PlatformRole.GATEWAY);
    }

    /**
     * Whether the caller may see a table; the facts that cost a query are asked only when the answer depends on
     * them.
     */
    public static boolean maySee(UserAccount caller, BooleanSupplier publishedAnywhere, BooleanSupplier memberOfOwner) {
        return seesEveryDesign(caller) || publishedAnywhere.getAsBoolean() || memberOfOwner.getAsBoolean();
    }

    /**
     * The same rule as a condition of a list paged in the database, on a query whose table id and owner project id
     * are the columns named; no condition for a caller who sees every design.
     */
    public static Filter limit(Filter filter, UserAccount caller, String tableId, String ownerProjectId) {
        return filter.and(
                "(exists (select 1 from table_publications seen where seen.table_id = " + tableId + ") or "
                        + ownerProjectId + " in (select mine.project_id from project_members mine where mine.user_id = ?))",
                seesEveryDesign(caller) ? null : caller.id());
    }
}
