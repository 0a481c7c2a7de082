package io.sluice.catalog.hive;

import io.sluice.catalog.audit.AuditLog;
import io.sluice.catalog.audit.Outcome;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.datasource.DataSource;
import io.sluice.catalog.hive.HiveImportRequest.Imported;
import io.sluice.catalog.hive.HiveImportRequest.TableToImport;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.NewTable;
import io.sluice.catalog.table.TableService;
import io.sluice.catalog.table.TableType;
import io.sluice.hive.HiveTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Imports Hive tables into the catalog as designs of a project (version 1; published, granted and applied for as
 * any table). All or nothing per request: every table is read and checked before the first is written, and the
 * writes share one transaction, so a refusal or a failure leaves nothing half imported.
 */
@Service
class HiveImportService {

    static final int MAX_TABLES = 1000;
    private static final int MAX_LISTED_PROBLEMS = 50;

    private final Metastores metastores;
    private final HiveImportRepository imports;
    private final TableService tables;
    private final IdentityService identity;
    private final AuditLog audit;

    HiveImportService(Metastores metastores, HiveImportRepository imports, TableService tables, IdentityService identity, AuditLog audit) {
        this.metastores = metastores;
        this.imports = imports;
        this.tables = tables;
        this.identity = identity;
        this.audit = audit;
    }

    /** A table ready to write: what Hive holds and the design made of it. */
    private record Planned(HiveTable hive, NewTable design, List<String> partitionKeys) {}

    @Transactional
    HiveImportRequest.Result importTables(UserAccount actor, String sourceName, Environment environment, HiveImportRequest request) {
        if (request.ownerProject() == null || request.ownerProject().isBlank()) {
            throw CatalogException.invalid("ownerProject", "ownerProject is required: the project that will own the imported tables");
        }
        Project owner = identity.project(request.ownerProject());
        tables.requireDesigner(actor, owner);
        List<TableToImport> asked = checkedList(request.tables());
        DataSource source = metastores.hiveSource(sourceName, environment);
        Map<String, HiveTable> found = read(source, environment, asked);

        List<String> problems = new ArrayList<>();
        List<Planned> plan = new ArrayList<>();
        Map<String, Map<String, String>> importedAs = new LinkedHashMap<>();
        for (TableToImport table : asked) {
            HiveTable hive = found.get(table.qualifiedName());
            if (hive == null) {
                problems.add(table.qualifiedName() + ": the metastore has no such table");
                continue;
            }
            String already = importedAs
                    .computeIfAbsent(table.database(), db -> imports.importedNames(source.id(), environment, db))
                    .get(table.table());
            if (already != null) {
                problems.add(table.qualifiedName() + ": already imported from this metastore as '" + already + "'; re-sync that table instead");
                continue;
            }
            HiveTableMapping.Mapped mapped = HiveTableMapping.map(hive);
            if (!mapped.importable()) {
                problems.addAll(mapped.problems());
                continue;
            }
            NewTable design = new NewTable(table.catalogName(), table.displayName(), owner.name(), TableType.TABLE, null, null, null,
                    null, HiveTableMapping.comment(hive.comment()), mapped.columns(), List.of(), null);
            try {
                design = io.sluice.catalog.table.TableRules.check(design);
                if (tables.find(design.name()).isPresent()) {
                    throw CatalogException.conflict("name", "a table named '" + design.name() + "' already exists; give this one another "
                            + "name with \"name\"");
                }
            } catch (CatalogException refused) {
                problems.add(table.qualifiedName() + ": " + (refused.field() == null ? "" : refused.field() + ": ") + refused.getMessage());
                continue;
            }
            plan.add(new Planned(hive, design, mapped.partitionKeys()));
        }
        if (!problems.isEmpty()) {
            throw CatalogException.invalid("tables", "nothing was imported: " + problems.size() + " of " + asked.size()
                    + " tables cannot be. " + String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_LISTED_PROBLEMS)))
                    + (problems.size() > MAX_LISTED_PROBLEMS ? "; and " + (problems.size() - MAX_LISTED_PROBLEMS) + " more" : ""));
        }
        List<Imported> done = new ArrayList<>();
        for (Planned table : plan) {
            long id = tables.createImported(actor, owner, table.design(), table.partitionKeys());
            imports.insert(id, source.id(), environment, table.hive(), actor.getUsername());
            imports.insertVersion(id, 1, table.hive());
            done.add(new Imported(table.design().name(), table.hive().qualifiedName(), 1));
        }
        auditOnceCommitted(actor, source, environment, done);
        return new HiveImportRequest.Result(source.name(), environment.spelling(), owner.name(), done);
    }

    /**
     * One {@code table.import} entry per table, as a created table has its own; written once the import committed, so
     * that no entry tells of a table a failed commit took back (the request's own entry tells of the failure).
     */
    private void auditOnceCommitted(UserAccount actor, DataSource source, Environment environment, List<Imported> done) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (Imported table : done) {
                    audit.record(actor.getUsername(), "table.import", "table", table.name(), Outcome.SUCCESS, "from Hive table "
                            + table.hiveTable() + " of data source " + source.name() + " (" + environment.spelling() + ")");
                }
            }
        });
    }

    private static List<TableToImport> checkedList(List<TableToImport> asked) {
        if (asked == null || asked.isEmpty()) {
            throw CatalogException.invalid("tables", "tables is required: the Hive tables to import, each {\"database\", \"table\"}");
        }
        if (asked.size() > MAX_TABLES) {
            throw CatalogException.invalid("tables", "at most " + MAX_TABLES + " tables per import, got " + asked.size()
                    + "; import them in several requests");
        }
        Map<String, Integer> hiveNames = new LinkedHashMap<>();
        Map<String, Integer> catalogNames = new LinkedHashMap<>();
        List<TableToImport> checked = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            TableToImport given = asked.get(i);
            String field = "tables[" + i + "]";
            if (given == null || blankOrLong(given.database()) || blankOrLong(given.table())) {
                throw CatalogException.invalid(field, field + " needs a database and a table, each of 1 to 256 characters");
            }
            // Hive names are case-insensitive and the metastore answers in lower case
            TableToImport table = new TableToImport(given.database().trim().toLowerCase(java.util.Locale.ROOT),
                    given.table().trim().toLowerCase(java.util.Locale.ROOT), given.name(), given.displayName());
            checked.add(table);
            Integer twice = hiveNames.putIfAbsent(table.qualifiedName(), i);
            if (twice != null) {
                throw CatalogException.invalid(field, table.qualifiedName() + " is asked for twice (tables[" + twice + "] and " + field + ")");
            }
            twice = catalogNames.putIfAbsent(table.catalogName().toLowerCase(java.util.Locale.ROOT), i);
            if (twice != null) {
                throw CatalogException.invalid(field + ".name", "tables[" + twice + "] and " + field + " would both be named '"
                        + table.catalogName() + "'; give one of them another \"name\"");
            }
        }
        return checked;
    }

    private static boolean blankOrLong(String value) {
        return value == null || value.isBlank() || value.length() > 256;
    }

    /** The asked tables as the metastore has them, by {@code database.table}: one client, batched per database. */
    private Map<String, HiveTable> read(DataSource source, Environment environment, List<TableToImport> asked) {
        Map<String, List<String>> byDatabase = new LinkedHashMap<>();
        for (TableToImport table : asked) {
            byDatabase.computeIfAbsent(table.database(), db -> new ArrayList<>()).add(table.table());
        }
        return metastores.read(source, environment, client -> {
            Map<String, HiveTable> found = new LinkedHashMap<>();
            byDatabase.forEach((database, names) -> {
                for (HiveTable table : client.tables(database, names)) {
                    found.put(table.qualifiedName(), table);
                }
            });
            return found;
        });
    }
}
