package io.sluice.catalog.hive;

import io.sluice.catalog.common.Environment;
import io.sluice.hive.HiveTable;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores where imported tables came from and what the metastore said of them at each schema version. */
@Repository
class HiveImportRepository {

    private final JdbcClient jdbc;

    HiveImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long tableId, long dataSourceId, Environment environment, HiveTable table, String importedBy) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                insert into hive_imports (table_id, data_source_id, environment, hive_database, hive_table, imported_by,
                    imported_at, synced_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tableId, dataSourceId, environment.name(), table.database(), table.name(), importedBy, now, now)
                .update();
    }

    void insertVersion(long tableId, int version, HiveTable table) {
        jdbc.sql("""
                insert into hive_table_versions (table_id, version, table_type, location, input_format, output_format, serde)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(tableId, version, table.tableType(), table.location(),
                        table.storage() == null ? null : table.storage().inputFormat(),
                        table.storage() == null ? null : table.storage().outputFormat(),
                        table.storage() == null ? null : table.storage().serde())
                .update();
    }

    void markSynced(long tableId) {
        jdbc.sql("update hive_imports set synced_at = ? where table_id = ?").params(OffsetDateTime.now(), tableId).update();
    }

    Optional<HiveImport> find(long tableId) {
        return jdbc.sql("select * from hive_imports where table_id = ?")
                .param(tableId)
                .query((rs, n) -> new HiveImport(
                        rs.getLong("table_id"),
                        rs.getLong("data_source_id"),
                        Environment.valueOf(rs.getString("environment")),
                        rs.getString("hive_database"),
                        rs.getString("hive_table"),
                        rs.getString("imported_by"),
                        rs.getObject("imported_at", OffsetDateTime.class),
                        rs.getObject("synced_at", OffsetDateTime.class)))
                .optional();
    }

    /** The catalog names of one database's imported tables, by Hive table name. */
    Map<String, String> importedNames(long dataSourceId, Environment environment, String database) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("""
                select h.hive_table, t.name from hive_imports h join catalog_tables t on t.id = h.table_id
                where h.data_source_id = ? and h.environment = ? and h.hive_database = ?""")
                .params(dataSourceId, environment.name(), database)
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The stored metadata of a version as the API shows it, under {@code hive.*} keys; empty when there is none. */
    Map<String, String> metadata(long tableId, int version) {
        return jdbc.sql("""
                select h.*, v.table_type, v.location, v.input_format, v.output_format, v.serde, d.name as data_source
                from hive_imports h
                join data_sources d on d.id = h.data_source_id
                join hive_table_versions v on v.table_id = h.table_id and v.version = ?
                where h.table_id = ?""")
                .params(version, tableId)
                .query((rs, n) -> HiveMetadata.properties(
                        rs.getString("data_source"), rs.getString("environment"), rs.getString("hive_database"),
                        rs.getString("hive_table"), rs.getString("table_type"), rs.getString("location"),
                        rs.getString("input_format"), rs.getString("output_format"), rs.getString("serde")))
                .optional()
                .orElse(Map.of());
    }

    Optional<Long> sourceOf(long tableId) {
        return jdbc.sql("select data_source_id from hive_imports where table_id = ?").param(tableId).query(Long.class).optional();
    }
}
