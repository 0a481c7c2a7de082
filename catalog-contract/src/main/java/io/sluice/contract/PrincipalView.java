package io.sluice.contract;

import java.util.List;

/**
 * Who a set of credentials belongs to, as resolved by {@code GET /api/v1/principal}.
 *
 * @param user the user name
 * @param displayName the user's display name
 * @param project the project (tenant) the session works for; null when the user belongs to none
 * @param projectRole the user's role in {@code project}: project_admin, developer, operator or viewer
 * @param platformRoles platform-wide roles: data_admin, system_admin, gateway
 * @param projects every project the user belongs to, with the role held there
 */
public record PrincipalView(
        String user,
        String displayName,
        String project,
        String projectRole,
        List<String> platformRoles,
        List<ProjectMembershipView> projects) {}
