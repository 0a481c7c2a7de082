package io.sluice.catalog.hive;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.datasource.DataSource;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.Table;
import io.sluice.catalog.table.TableRules;
import io.sluice.catalog.table.TableSchema;
import io.sluice.catalog.table.TableService;
import io.sluice.hive.HiveTable;
import io.sluice.hive.MetastoreException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-sync of an imported table with its Hive table: first the difference, then, when asked, a new design version
 * with it. The table, its grants and publications stay (environments keep their version until it is published
 * again); a table dropped in Hive is reported, never deleted here.
 */
@Service
class HiveSyncService {

    private final Metastores metastores;
    private final HiveImportRepository imports;
    private final TableService tables;
    private final IdentityService identity;

    HiveSyncService(Metastores metastores, HiveImportRepository imports, TableService tables, IdentityService identity) {
        this.metastores = metastores;
        this.imports = imports;
        this.tables = tables;
        this.identity = identity;
    }

    /** The difference, and the Hive table as the metastore has it now (empty once dropped). */
    private record Compared(HiveSync sync, Optional<HiveTable> hive) {}

    /** What a re-sync of the table would change. */
    @Transactional(readOnly = true)
    HiveSync preview(UserAccount actor, String name) {
        Table table = tables.visible(actor, name);
        return compare(table, origin(table)).sync();
    }

    /** Writes the difference as a new design version; refused when there is none, the table is gone, or a type has no Flink type. */
    @Transactional
    HiveSync apply(UserAccount actor, String name) {
        Table table = tables.visible(actor, name);
        tables.requireDesigner(actor, identity.project(table.ownerProjectId()));
        HiveImport origin = origin(table);
        Compared compared = compare(table, origin);
        HiveSync sync = compared.sync();
        if (sync.droppedInHive()) {
            throw CatalogException.conflict("table", "Hive table " + origin.qualifiedName() + " was dropped from the metastore; nothing "
                    + "was changed and '" + table.name() + "' stays in the catalog with its grants: remove it from where it is "
                    + "published if it should go");
        }
        if (!sync.problems().isEmpty()) {
            throw CatalogException.invalid("table", "cannot re-sync '" + table.name() + "': " + String.join("; ", sync.problems()));
        }
        if (!sync.changed()) {
            throw CatalogException.conflict("table", "'" + table.name() + "' already matches Hive table " + origin.qualifiedName()
                    + " (version " + table.designVersion() + "); nothing to change");
        }
        HiveTable hive = compared.hive().orElseThrow();
        HiveTableMapping.Mapped mapped = HiveTableMapping.map(hive);
        int version = table.designVersion() + 1;
        tables.addImportedVersion(actor, table, new TableSchema(mapped.columns(), List.of()), mapped.partitionKeys());
        imports.insertVersion(table.id(), version, hive);
        imports.markSynced(table.id());
        return sync.applied(version);
    }

    private HiveImport origin(Table table) {
        return imports.find(table.id()).orElseThrow(() -> CatalogException.invalid("table",
                "'" + table.name() + "' was designed in the catalog, not imported from a Hive Metastore: it has nothing to re-sync"));
    }

    private Compared compare(Table table, HiveImport origin) {
        DataSource source = metastores.get(origin.dataSourceId());
        int version = table.designVersion();
        List<String> partitionKeys = tables.partitionKeys(table, version);
        Optional<HiveTable> hive = fetch(source, origin);
        if (hive.isEmpty()) {
            return new Compared(HiveSchemaDiff.dropped(origin, table.name(), source.name(), version, partitionKeys), hive);
        }
        HiveSchemaDiff.Side before = new HiveSchemaDiff.Side(
                tables.schema(table, version).columns(), partitionKeys, storageOf(imports.metadata(table.id(), version)));
        HiveTableMapping.Mapped mapped = HiveTableMapping.map(hive.get());
        // in the catalog's canonical spelling, so that only real changes show
        List<io.sluice.catalog.table.Column> columns = mapped.importable()
                ? TableRules.check(new TableSchema(mapped.columns(), List.of()), null).columns()
                : mapped.columns();
        HiveSchemaDiff.Side after = new HiveSchemaDiff.Side(columns, mapped.partitionKeys(), HiveMetadata.storage(hive.get()));
        return new Compared(HiveSchemaDiff.between(origin, table.name(), source.name(), version, before, after, mapped.problems()), hive);
    }

    /** Empty when the table, or its whole database, was dropped. */
    private Optional<HiveTable> fetch(DataSource source, HiveImport origin) {
        return metastores.read(source, origin.environment(), client -> {
            try {
                return client.tables(origin.database(), List.of(origin.table())).stream().findFirst();
            } catch (MetastoreException e) {
                if (e.reason() == MetastoreException.Reason.NO_SUCH_DATABASE) {
                    return Optional.<HiveTable>empty();
                }
                throw e;
            }
        });
    }

    /** The properties a re-sync compares: not where the table came from, which never changes. */
    private static Map<String, String> storageOf(Map<String, String> metadata) {
        Map<String, String> storage = new java.util.LinkedHashMap<>(metadata);
        storage.keySet().removeAll(List.of("hive.source", "hive.environment", "hive.database", "hive.table"));
        return storage;
    }
}
