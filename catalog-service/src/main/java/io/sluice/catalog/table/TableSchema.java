package io.sluice.catalog.table;

import java.util.List;

/** The columns, primary key and event time (topics only; may be null) of one version of a table. */
public record TableSchema(List<Column> columns, List<String> primaryKey, Watermark watermark) {

    public TableSchema {
        columns = columns == null ? List.of() : List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    }

    public TableSchema(List<Column> columns, List<String> primaryKey) {
        this(columns, primaryKey, null);
    }
}
