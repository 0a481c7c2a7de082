package io.sluice.templates;

import java.util.List;

/**
 * Resolves identifier values against the catalogs of whoever runs the template (the gateway's session, or
 * catalog-service for a render). Both methods throw {@link TemplateException} naming {@code parameter} when the
 * object does not exist (or is not visible: the caller must not tell the two apart).
 */
public interface IdentifierResolver {

    /** The table's fully qualified name (catalog, database, table) for the parts the caller gave (1 to 3). */
    List<String> table(String parameter, List<String> parts);

    /** The column names of a table given by its fully qualified name. */
    List<String> columns(String parameter, List<String> table);
}
