package io.sluice.catalog.template;

import io.sluice.catalog.common.Environment;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.Column;
import io.sluice.catalog.table.Publication;
import io.sluice.catalog.table.Table;
import io.sluice.catalog.table.TableService;
import io.sluice.templates.IdentifierResolver;
import io.sluice.templates.TemplateException;
import java.util.List;

/**
 * Resolves a render's identifier values against the tables published in its environment that the caller may see,
 * named as the gateway's catalogs name them: catalog (the environment), database (the data source), table. A table
 * the caller may not see answers exactly as one that does not exist.
 */
final class PublishedTables implements IdentifierResolver {

    private record Published(Table table, Publication publication) {

        List<String> qualifiedName() {
            return List.of(publication.environment().spelling(), publication.dataSource(), table.name());
        }
    }

    private final TableService tables;
    private final UserAccount caller;
    private final Environment environment;

    PublishedTables(TableService tables, UserAccount caller, Environment environment) {
        this.tables = tables;
        this.caller = caller;
        this.environment = environment;
    }

    @Override
    public List<String> table(String parameter, List<String> parts) {
        return published(parameter, parts).qualifiedName();
    }

    @Override
    public List<String> columns(String parameter, List<String> table) {
        Published published = published(parameter, table);
        return tables.schema(published.table(), published.publication().version()).columns().stream().map(Column::name).toList();
    }

    private Published published(String parameter, List<String> parts) {
        if (parts.isEmpty() || parts.size() > 3) {
            throw new TemplateException(parameter, "parameter '" + parameter + "' names a table as table, database.table or "
                    + "catalog.database.table; '" + String.join(".", parts) + "' is none of these");
        }
        Published published = tables.findVisible(caller, parts.get(parts.size() - 1))
                .flatMap(table -> tables.publication(table, environment).map(publication -> new Published(table, publication)))
                .orElseThrow(() -> missing(parameter, parts));
        List<String> qualified = published.qualifiedName();
        if (!qualified.subList(3 - parts.size(), 3).equals(parts)) {
            throw missing(parameter, parts);
        }
        return published;
    }

    private TemplateException missing(String parameter, List<String> parts) {
        return new TemplateException(parameter, "parameter '" + parameter + "': table '" + String.join(".", parts)
                + "' does not exist in the catalog of " + environment.spelling() + " (or is not visible to " + caller.getUsername()
                + "); the catalog names tables " + environment.spelling() + ".<data source>.<table>");
    }
}
