package io.sluice.catalog.hive;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sluice.catalog.table.Column;
import java.util.List;
import java.util.Map;

/**
 * How an imported table differs from its Hive table now: what a re-sync would change, or (once applied) changed.
 *
 * @param designVersion the catalog's newest version, compared with the metastore
 * @param appliedVersion the version the re-sync wrote; null for a preview
 * @param droppedInHive the metastore no longer has the table (the catalog table is kept: dropping it is a person's call)
 * @param problems columns the metastore now has that Flink cannot type: a re-sync is refused until they are gone
 */
record HiveSync(
        String table,
        String hiveTable,
        String dataSource,
        String environment,
        int designVersion,
        Integer appliedVersion,
        boolean droppedInHive,
        List<Column> addedColumns,
        List<Column> droppedColumns,
        List<ColumnChange> changedColumns,
        List<String> partitionKeysBefore,
        List<String> partitionKeysAfter,
        Map<String, PropertyChange> changedProperties,
        List<String> problems) {

    /** A column whose type or comment changed. */
    record ColumnChange(String name, String typeBefore, String typeAfter, String commentBefore, String commentAfter) {}

    record PropertyChange(String before, String after) {}

    /** Whether applying it would write a new version. */
    @JsonProperty
    public boolean changed() {
        return !droppedInHive && (!addedColumns.isEmpty() || !droppedColumns.isEmpty() || !changedColumns.isEmpty()
                || partitionKeysChanged() || !changedProperties.isEmpty());
    }

    @JsonProperty
    public boolean partitionKeysChanged() {
        return !partitionKeysBefore.equals(partitionKeysAfter);
    }

    HiveSync applied(int version) {
        return new HiveSync(table, hiveTable, dataSource, environment, designVersion, version, droppedInHive, addedColumns,
                droppedColumns, changedColumns, partitionKeysBefore, partitionKeysAfter, changedProperties, problems);
    }
}
