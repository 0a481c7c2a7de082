package io.sluice.catalog.access;

import io.sluice.catalog.table.TableType;
import io.sluice.contract.AccessDecision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides one access question from a table's access facts. The order is the policy: the blacklist
 * wins over everything, the owner project holds every privilege, Kafka tables take only select and
 * insert, public tables can be read by all, then user grants, project grants and column grants.
 */
public final class AccessRules {

    private AccessRules() {}

    public static AccessDecision decide(TableAccess access, String user, String project, Privilege action, List<String> columnsRead) {
        String target = access.environment() + "." + access.table();
        if (!access.published()) {
            return deny("not_published", "table '" + access.table() + "' is not published to " + access.environment());
        }
        if (access.blacklistedUsers().contains(user)) {
            return deny("blacklist", "user " + user + " is on the blacklist of " + target + "; only a data admin can lift it");
        }
        if (project != null && access.blacklistedProjects().contains(project)) {
            return deny("blacklist", "project " + project + " is on the blacklist of " + target + "; only a data admin can lift it");
        }
        if (!action.appliesTo(access.type())) {
            return deny("kafka", target + " is a Kafka topic: it can only be selected from or inserted into, never " + action.spelling() + "d");
        }
        if (access.ownerProject().equals(project)) {
            return allow("owner", "project " + project + " owns " + target);
        }
        if (action == Privilege.SELECT && access.isPublic()) {
            return allow("public", target + " is public: every project may select from it");
        }
        Grant userGrant = null;
        for (Grant grant : access.grants()) {
            if (grant.privilege() != action) {
                continue;
            }
            if (grant.granteeType() == GranteeType.USER && grant.grantee().equals(user)) {
                if (grant.wholeTable()) {
                    return allow("user_grant", "user " + user + " holds " + action.spelling() + " on " + target);
                }
                userGrant = grant;
            } else if (grant.granteeType() == GranteeType.PROJECT && grant.grantee().equals(project)) {
                return allow("project_grant", "project " + project + " holds " + action.spelling() + " on " + target);
            }
        }
        if (userGrant != null) {
            return columnDecision(access, user, userGrant, columnsRead, target);
        }
        return deny("no_grant", (project == null ? "user " + user : "project " + project + " (user " + user + ")")
                + " has no " + action.spelling() + " privilege on " + target + "; apply for it with POST /api/v1/tables/"
                + access.table() + "/applications");
    }

    private static AccessDecision columnDecision(TableAccess access, String user, Grant grant, List<String> columnsRead, String target) {
        List<String> wanted = columnsRead == null || columnsRead.isEmpty() ? access.columns() : columnsRead;
        Set<String> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(grant.columns());
        if (missing.isEmpty()) {
            return allow("column_grant", "user " + user + " may select columns " + grant.columns() + " of " + target);
        }
        return deny("column_grant", "user " + user + " may select only columns " + grant.columns() + " of " + target
                + ", not " + new ArrayList<>(missing) + "; apply for them with POST /api/v1/tables/" + access.table() + "/applications");
    }

    /** The privileges a table of this type accepts, for messages. */
    public static List<Privilege> accepted(TableType type) {
        return java.util.Arrays.stream(Privilege.values()).filter(p -> p.appliesTo(type)).toList();
    }

    private static AccessDecision allow(String rule, String reason) {
        return new AccessDecision(true, rule, reason);
    }

    private static AccessDecision deny(String rule, String reason) {
        return new AccessDecision(false, rule, reason);
    }
}
