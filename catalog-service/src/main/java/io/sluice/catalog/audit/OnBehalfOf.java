package io.sluice.catalog.audit;

import io.sluice.catalog.common.Names;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.UserAccount;

/**
 * The end user a request of the gateway is made for, named by the header {@value #HEADER}: the gateway reads
 * connection secrets with its own service token, and the audit entry of such a read names the user whose statement
 * caused it next to the gateway as the actor. Only the gateway's service identity may name one: from anyone else
 * the header is ignored, since it could only put someone else's name into the audit log.
 */
public final class OnBehalfOf {

    public static final String HEADER = "X-Sluice-On-Behalf-Of";

    private static final int MAX_LENGTH = 64;

    private OnBehalfOf() {}

    /**
     * The user the gateway names, checked against the naming rule of user names (so nothing else reaches the log);
     * null when it names none or the caller is not the gateway. Refuses a malformed name from the gateway, naming
     * the header.
     */
    public static String check(UserAccount caller, String header) {
        return fromGateway(caller, header) ? Names.require(HEADER, header, 2, MAX_LENGTH) : null;
    }

    /** What the audit entry records: the named user, when {@link #check} accepts it, else nothing. */
    static String recorded(Object principal, String header) {
        return principal instanceof UserAccount caller && fromGateway(caller, header) && Names.matches(header, 2, MAX_LENGTH)
                ? header
                : null;
    }

    private static boolean fromGateway(UserAccount caller, String header) {
        return header != null && caller.has(PlatformRole.GATEWAY);
    }
}
