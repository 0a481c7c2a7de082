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
 * @param environments the environments whose catalog the user may mount (a gateway mounts no other; null or
 *     empty: none). Which tables of a mounted catalog the user may read or write is the decision API's business.
 */
public record PrincipalView(
        String user,
        String displayName,
        String project,
        String projectRole,
        List<String> platformRoles,
        List<ProjectMembershipView> projects,
        List<String> environments) {

    /** Whether the user may mount this environment's catalog; false when catalog-service named none. */
    public boolean mayMount(String environment) {
        return environments != null && environments.contains(environment);
    }
}
