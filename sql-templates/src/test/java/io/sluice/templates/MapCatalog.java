package io.sluice.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The identifier resolver's trivial implementation over a map of tables (catalog.database.table) to their columns;
 * names of one or two parts are completed with the current catalog and database, {@code cat} and {@code db}.
 */
public record MapCatalog(Map<List<String>, List<String>> tables) implements IdentifierResolver {

    public static MapCatalog of(String qualifiedTable, String... columns) {
        return new MapCatalog(Map.of(List.of(qualifiedTable.split("\\.")), List.of(columns)));
    }

    @Override
    public List<String> table(String parameter, List<String> parts) {
        List<String> name = new ArrayList<>(List.of("cat", "db").subList(0, 3 - parts.size()));
        name.addAll(parts);
        if (!tables.containsKey(name)) {
            throw new TemplateException(parameter, "parameter '" + parameter + "' names a table that does not exist "
                    + "or that you may not use");
        }
        return List.copyOf(name);
    }

    @Override
    public List<String> columns(String parameter, List<String> table) {
        return tables.get(table);
    }
}
