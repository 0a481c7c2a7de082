package io.sluice.gateway.access;

import java.util.List;

/**
 * Everything a statement (or a script of several) touches that governance cares about.
 *
 * @param tables every table read or written, once per table and action, with the columns read
 * @param definitions what the statement defines that steps around the governed catalogs
 * @param statements how many statements the text held
 */
public record StatementAccess(List<TableAccess> tables, List<Definition> definitions, int statements) {

    public StatementAccess {
        tables = List.copyOf(tables);
        definitions = List.copyOf(definitions);
    }
}
