package io.sluice.catalog.hive;

import io.sluice.hive.HiveTable;
import io.sluice.hive.StorageFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the catalog keeps of a Hive table beyond its columns, as the properties the API shows: where it came from,
 * its kind, location and storage format. Values the metastore left empty are left out.
 */
final class HiveMetadata {

    private HiveMetadata() {}

    static Map<String, String> properties(
            String dataSource, String environment, String database, String table, String tableType, String location,
            String inputFormat, String outputFormat, String serde) {
        Map<String, String> properties = new LinkedHashMap<>();
        put(properties, "hive.source", dataSource);
        put(properties, "hive.environment", environment == null ? null : environment.toLowerCase(java.util.Locale.ROOT));
        put(properties, "hive.database", database);
        put(properties, "hive.table", table);
        properties.putAll(storage(tableType, location, new StorageFormat(inputFormat, outputFormat, serde)));
        return properties;
    }

    /** The part of the metadata a re-sync compares: kind, location and storage format. */
    static Map<String, String> storage(HiveTable table) {
        return storage(table.tableType(), table.location(), table.storage() == null ? new StorageFormat(null, null, null) : table.storage());
    }

    private static Map<String, String> storage(String tableType, String location, StorageFormat format) {
        Map<String, String> properties = new LinkedHashMap<>();
        put(properties, "hive.table-type", tableType);
        put(properties, "hive.location", location);
        put(properties, "hive.storage-format", format.inputFormat() == null && format.serde() == null ? null : format.name());
        put(properties, "hive.input-format", format.inputFormat());
        put(properties, "hive.output-format", format.outputFormat());
        put(properties, "hive.serde", format.serde());
        return properties;
    }

    private static void put(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }
}
