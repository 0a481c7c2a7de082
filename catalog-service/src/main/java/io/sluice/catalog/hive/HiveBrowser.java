package io.sluice.catalog.hive;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.datasource.DataSource;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.hive.HiveTable;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Browsing a hive source's metastore, a page at a time: a page of tables costs one call for the database's names and
 * one per {@link io.sluice.hive.MetastoreClient#BATCH} tables of the page, never one per table, so a database of
 * thousands of tables answers as fast as one of ten.
 */
@Service
class HiveBrowser {

    private final Metastores metastores;
    private final HiveImportRepository imports;
    private final IdentityService identity;

    HiveBrowser(Metastores metastores, HiveImportRepository imports, IdentityService identity) {
        this.metastores = metastores;
        this.imports = imports;
        this.identity = identity;
    }

    PageResult<String> databases(UserAccount actor, String sourceName, Environment environment, PageQuery page) {
        requireBrowser(actor);
        DataSource source = metastores.hiveSource(sourceName, environment);
        return slice(metastores.read(source, environment, client -> client.databases()), page);
    }

    PageResult<HiveTableView> tables(UserAccount actor, String sourceName, Environment environment, String database, PageQuery page) {
        requireBrowser(actor);
        DataSource source = metastores.hiveSource(sourceName, environment);
        PageResult<HiveTable> tables = metastores.read(source, environment, client -> {
            PageResult<String> names = slice(client.tableNames(database), page);
            List<HiveTable> found = client.tables(database, names.items()).stream()
                    .sorted(java.util.Comparator.comparing(HiveTable::name))
                    .toList();
            return page.result(found, names.total());
        });
        Map<String, String> importedAs = imports.importedNames(source.id(), environment, database);
        return tables.map(table -> view(table, importedAs.get(table.name())));
    }

    private static HiveTableView view(HiveTable table, String importedAs) {
        HiveTableMapping.Mapped mapped = HiveTableMapping.map(table);
        return new HiveTableView(table.database(), table.name(), table.comment(), mapped.columns(), mapped.partitionKeys(),
                HiveMetadata.storage(table), mapped.importable(), mapped.problems(), importedAs);
    }

    /**
     * Who imports may browse: data admins and system admins, and designers of a project's tables. A metastore's
     * table names and columns are not for every signed-in user.
     */
    private void requireBrowser(UserAccount actor) {
        if (!actor.has(PlatformRole.DATA_ADMIN) && !actor.has(PlatformRole.SYSTEM_ADMIN) && !identity.designsTablesAnywhere(actor)) {
            throw CatalogException.forbidden(actor.getUsername() + " may not browse Hive Metastores: that takes the data_admin "
                    + "role, or the project_admin or developer role in a project (to import tables for it)");
        }
    }

    private static <T> PageResult<T> slice(List<T> all, PageQuery page) {
        int from = (int) Math.min(all.size(), page.offset());
        return page.result(all.subList(from, Math.min(all.size(), from + page.size())), all.size());
    }
}
