package io.sluice.catalog.hive;

import io.sluice.catalog.table.Column;
import io.sluice.hive.HiveColumn;
import io.sluice.hive.HiveTable;
import io.sluice.hive.HiveTypes;
import io.sluice.hive.UnsupportedHiveType;
import java.util.ArrayList;
import java.util.List;

/**
 * A Hive table as catalog columns: its data columns, then its partition columns (as Flink's Hive catalog orders
 * them), each with its Flink SQL type and comment. Every column Flink cannot type is a problem naming the column and
 * its Hive type; a table with a problem is never imported, so no column silently becomes STRING.
 */
final class HiveTableMapping {

    /** The table's columns and partition keys, or the problems that keep it out. */
    record Mapped(List<Column> columns, List<String> partitionKeys, List<String> problems) {

        boolean importable() {
            return problems.isEmpty();
        }
    }

    /** What the catalog keeps of a comment (a table's description holds at most 2,000 characters). */
    static final int MAX_COMMENT = 1000;

    private HiveTableMapping() {}

    static Mapped map(HiveTable table) {
        List<Column> columns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if ("VIRTUAL_VIEW".equals(table.tableType()) || "MATERIALIZED_VIEW".equals(table.tableType())) {
            problems.add(table.qualifiedName() + " is a Hive view; import the tables it reads instead");
        }
        for (HiveColumn column : table.columns()) {
            add(table, column, columns, problems);
        }
        List<String> partitionKeys = new ArrayList<>();
        for (HiveColumn column : table.partitionKeys()) {
            add(table, column, columns, problems);
            partitionKeys.add(column.name());
        }
        if (table.columns().isEmpty()) {
            problems.add(table.qualifiedName() + " has no columns in the metastore");
        }
        return new Mapped(List.copyOf(columns), List.copyOf(partitionKeys), List.copyOf(problems));
    }

    private static void add(HiveTable table, HiveColumn column, List<Column> columns, List<String> problems) {
        try {
            columns.add(new Column(column.name(), HiveTypes.toFlink(column.type()), comment(column.comment())));
        } catch (UnsupportedHiveType e) {
            problems.add(table.qualifiedName() + ": column '" + column.name() + "' has Hive type " + clip(column.type())
                    + ", which has no Flink SQL type (" + e.getMessage() + ")");
        }
    }

    /** A Hive comment may be any length; the catalog keeps the first {@link #MAX_COMMENT} characters. */
    static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        return comment.length() > MAX_COMMENT ? comment.substring(0, MAX_COMMENT - 1) + "…" : comment;
    }

    private static String clip(String type) {
        return type == null ? "(none)" : type.length() > 200 ? type.substring(0, 200) + "…" : type;
    }
}
