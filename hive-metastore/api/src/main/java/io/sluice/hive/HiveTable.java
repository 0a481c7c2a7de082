package io.sluice.hive;

import java.util.List;

/**
 * A table as the metastore holds it.
 *
 * @param tableType {@code MANAGED_TABLE}, {@code EXTERNAL_TABLE}, {@code VIRTUAL_VIEW}, …
 * @param columns the data columns, in order
 * @param partitionKeys the partition columns, in order (in Flink they follow the data columns)
 * @param location where its files live, e.g. {@code hdfs://nn:8020/warehouse/sales.db/orders}; may be null
 */
public record HiveTable(
        String database,
        String name,
        String tableType,
        String comment,
        List<HiveColumn> columns,
        List<HiveColumn> partitionKeys,
        String location,
        StorageFormat storage) {

    public HiveTable {
        columns = columns == null ? List.of() : List.copyOf(columns);
        partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
    }

    /** {@code database.name}, as messages name it. */
    public String qualifiedName() {
        return database + "." + name;
    }
}
