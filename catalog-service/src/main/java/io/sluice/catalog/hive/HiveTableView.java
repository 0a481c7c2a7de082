package io.sluice.catalog.hive;

import io.sluice.catalog.table.Column;
import java.util.List;
import java.util.Map;

/**
 * A Hive table as browsing shows it: its columns in Flink SQL (data columns, then partition columns), its partition
 * keys and storage, whether it can be imported (if not, {@code problems} says why, naming each column and type), and
 * the catalog table it was imported as, if it was.
 */
record HiveTableView(
        String database,
        String name,
        String comment,
        List<Column> columns,
        List<String> partitionKeys,
        Map<String, String> properties,
        boolean importable,
        List<String> problems,
        String importedAs) {}
