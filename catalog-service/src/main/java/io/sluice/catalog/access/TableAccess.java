package io.sluice.catalog.access;

import io.sluice.catalog.table.TableType;
import java.util.List;
import java.util.Set;

/**
 * Everything that decides access to one table in one environment, read once per decision.
 *
 * @param columns the columns of the version the environment sees, for "the whole row"
 * @param blacklistedProjects projects denied whatever else says
 * @param blacklistedUsers users denied whatever else says
 */
public record TableAccess(
        String table,
        String environment,
        String ownerProject,
        TableType type,
        boolean published,
        boolean isPublic,
        List<String> columns,
        Set<String> blacklistedProjects,
        Set<String> blacklistedUsers,
        List<Grant> grants) {}
