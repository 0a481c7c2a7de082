package io.sluice.gateway.templates;

import io.sluice.templates.IdentifierResolver;
import io.sluice.templates.TemplateException;

import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.UnresolvedIdentifier;

import java.util.List;

/**
 * Resolves a template's table and column values as the statement will: in the session's catalogs, from its current
 * catalog and database. Whether the session may read or write a table is not decided here but by the gate, on the
 * statement that names it.
 */
final class SessionIdentifiers implements IdentifierResolver {

    private final CatalogManager catalogs;

    SessionIdentifiers(CatalogManager catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public List<String> table(String parameter, List<String> parts) {
        if (parts.isEmpty() || parts.size() > 3) {
            throw new TemplateException(parameter, "Parameter '" + parameter + "' names a table as table, "
                    + "database.table or environment.database.table; '" + String.join(".", parts) + "' is none of these.");
        }
        ObjectIdentifier id = catalogs.qualifyIdentifier(UnresolvedIdentifier.of(parts));
        resolved(parameter, id);
        return List.of(id.getCatalogName(), id.getDatabaseName(), id.getObjectName());
    }

    @Override
    public List<String> columns(String parameter, List<String> table) {
        return resolved(parameter, ObjectIdentifier.of(table.get(0), table.get(1), table.get(2)))
                .getResolvedSchema().getColumnNames();
    }

    private ContextResolvedTable resolved(String parameter, ObjectIdentifier id) {
        return catalogs.getTable(id).orElseThrow(() -> new TemplateException(parameter,
                "Parameter '" + parameter + "': table " + id.asSummaryString() + " does not exist in this session's "
                        + "catalogs; SHOW TABLES lists the tables of the current database."));
    }
}
