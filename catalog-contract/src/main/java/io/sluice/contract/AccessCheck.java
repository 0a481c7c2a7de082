package io.sluice.contract;

import java.util.List;

/**
 * One question to {@code POST /api/v1/access/decisions}: may this principal do this to this table?
 *
 * @param user the user acting
 * @param project the project the user's session works for
 * @param environment test or prod
 * @param table the table's name (table names are unique across the platform)
 * @param action select, insert, update or delete
 * @param columns for select: the columns read (empty means the whole row, as for {@code SELECT *})
 */
public record AccessCheck(String user, String project, String environment, String table, String action, List<String> columns) {}
