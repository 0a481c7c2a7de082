package io.sluice.catalog.table;

import java.util.List;

/** The columns and primary key of one version of a table. */
public record TableSchema(List<Column> columns, List<String> primaryKey) {

    public TableSchema {
        columns = columns == null ? List.of() : List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    }
}
