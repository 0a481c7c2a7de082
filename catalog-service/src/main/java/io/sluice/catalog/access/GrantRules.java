package io.sluice.catalog.access;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.table.Column;
import io.sluice.catalog.table.Table;
import java.util.List;

/** What may be granted or applied for on a table; plain Java so that tests call it directly. */
public final class GrantRules {

    private GrantRules() {}

    /**
     * Refuses empty or unknown privileges, update/delete on Kafka topics, and column grants that are not
     * a user's select on existing columns.
     */
    public static void check(Table table, List<Column> tableColumns, List<Privilege> privileges, List<String> columns, boolean toProject) {
        if (privileges == null || privileges.isEmpty() || privileges.contains(null)) {
            throw CatalogException.invalid("privileges", "name at least one privilege: select, insert, update or delete");
        }
        for (Privilege privilege : privileges) {
            if (!privilege.appliesTo(table.type())) {
                throw CatalogException.invalid(
                        "privileges",
                        "'" + table.name() + "' is a Kafka topic: only select and insert apply to it, not " + privilege.spelling());
            }
        }
        if (columns == null) {
            return;
        }
        if (toProject) {
            throw CatalogException.invalid("columns", "column grants go to users only; apply for the whole table for a project");
        }
        if (!privileges.equals(List.of(Privilege.SELECT))) {
            throw CatalogException.invalid("columns", "a column grant is select on those columns; name privileges [select] only");
        }
        if (columns.isEmpty()) {
            throw CatalogException.invalid("columns", "name at least one column, or leave columns out for the whole table");
        }
        for (String column : columns) {
            if (tableColumns.stream().noneMatch(c -> c.name().equals(column))) {
                throw CatalogException.invalid(
                        "columns", "'" + table.name() + "' has no column '" + column + "'; its columns are "
                                + tableColumns.stream().map(Column::name).toList());
            }
        }
    }
}
