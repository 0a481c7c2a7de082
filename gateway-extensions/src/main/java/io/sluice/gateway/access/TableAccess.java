package io.sluice.gateway.access;

import org.apache.flink.table.catalog.ObjectIdentifier;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One thing a statement does to one table.
 *
 * @param table the table as the session resolved it: catalog, database and name, never what the user typed
 * @param temporary whether the name resolved to a temporary table of the session (which may shadow a catalog table)
 * @param action what the statement does to it
 * @param columns (sorted) for {@link Action#SELECT}: the columns the statement reads, whether it returns them or only
 *     filters, joins, groups or computes with them; empty when it reads rows but no column (e.g.
 *     {@code COUNT(*)}), which the decision API treats as the whole row. Empty for the other actions.
 * @param hintedOptions table options the statement adds with an {@code OPTIONS} hint
 */
public record TableAccess(
        ObjectIdentifier table,
        boolean temporary,
        Action action,
        List<String> columns,
        Map<String, String> hintedOptions) {

    public TableAccess {
        columns = List.copyOf(new TreeSet<>(columns));
        hintedOptions = Map.copyOf(hintedOptions);
    }

    @Override
    public String toString() {
        return action.privilege() + " " + table.asSummaryString() + (columns.isEmpty() ? "" : " " + columns);
    }
}
