package io.sluice.catalog.workflow;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Names;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.UserAccount;

/**
 * The rules every request a data admin decides follows — publish requests and access applications alike: only a
 * data admin decides, never on a request of their own, only while it is pending, and only once.
 */
public final class Decisions {

    private Decisions() {}

    /**
     * @param request how messages name the request, e.g. {@code publish request 7}
     * @param requester who asked for it
     */
    public static void checkDecider(UserAccount approver, String request, String requester, Enum<?> status, boolean pending) {
        IdentityService.requireRole(approver, PlatformRole.DATA_ADMIN, "approve or reject a " + request.replaceAll(" \\d+$", ""));
        if (approver.getUsername().equals(requester)) {
            throw CatalogException.forbidden("you asked for " + request + " yourself; another data_admin must decide it");
        }
        requirePending(request, status, pending);
    }

    /** A rejection says why, so that whoever asked can act on it. */
    public static void requireReason(String comment, String request, String requester) {
        if (comment == null || comment.isBlank()) {
            throw CatalogException.invalid(
                    "comment", "say why " + request + " is rejected, so that " + requester + " can act on it");
        }
    }

    /** Only whoever asked for a request withdraws it, and only while it is pending. */
    public static void checkWithdrawer(UserAccount actor, String request, String requester, Enum<?> status, boolean pending) {
        if (!actor.getUsername().equals(requester)) {
            throw CatalogException.forbidden("only " + requester + ", who asked for " + request + ", may withdraw it");
        }
        requirePending(request, status, pending);
    }

    private static void requirePending(String request, Enum<?> status, boolean pending) {
        if (!pending) {
            throw CatalogException.conflict(
                    "status", request + " is already " + Names.spelling(status) + "; only pending ones change");
        }
    }

    /** @param updated whether the guarded update (status still pending) changed the row */
    public static void requireDecidedHere(boolean updated, String request) {
        if (!updated) {
            throw CatalogException.conflict("status", request + " was decided by someone else meanwhile");
        }
    }
}
