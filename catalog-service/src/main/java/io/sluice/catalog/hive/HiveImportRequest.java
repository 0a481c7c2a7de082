package io.sluice.catalog.hive;

import java.util.List;

/**
 * Which Hive tables to import, as tables of {@code ownerProject}. Each keeps its Hive name unless {@code name} gives
 * the catalog one (catalog names are unique across the platform, Hive's only within a database).
 */
record HiveImportRequest(String ownerProject, List<TableToImport> tables) {

    record TableToImport(String database, String table, String name, String displayName) {

        String catalogName() {
            return name == null || name.isBlank() ? table : name;
        }

        String qualifiedName() {
            return database + "." + table;
        }
    }

    /** What was imported: each catalog table, the Hive table it came from, and its first version. */
    record Result(String dataSource, String environment, String ownerProject, List<Imported> tables) {}

    record Imported(String name, String hiveTable, int version) {}
}
