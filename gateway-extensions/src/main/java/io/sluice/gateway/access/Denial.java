package io.sluice.gateway.access;

/**
 * Why a statement may not run.
 *
 * @param subject the table (catalog.database.table) or the object the statement defines
 * @param privilege the privilege missing: select, insert, update, delete; or what the statement tried that only
 *     an admin may: connector, jar, catalog, module, hint
 * @param message the whole sentence for the user: what, why and how to get it
 */
public record Denial(String subject, String privilege, String message) {}
