package io.sluice.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DatabaseMetaData's catalog calls answered through the session itself, so they show exactly what the governed
 * session offers: SHOW CATALOGS, SHOW DATABASES FROM and SHOW USER FUNCTIONS FROM as statements, and a database's
 * tables with their columns and keys in one request of the gateway's table route (a DESCRIBE per table made a BI
 * tool's crawl of 1,000 tables take many seconds). Catalogs are environments, schemas their databases; patterns are
 * matched here.
 */
final class CatalogQueries {

    private final SluiceConnection connection;

    CatalogQueries(SluiceConnection connection) {
        this.connection = connection;
    }

    private List<List<String>> rows(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            List<List<String>> result = new ArrayList<>();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    private List<String> firstColumn(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        for (List<String> row : rows(sql)) {
            values.add(row.get(0));
        }
        return values;
    }

    /** The catalogs a call names: one given catalog, or all ("" names none: there are no catalog-less tables). */
    List<String> catalogs(String catalog) throws SQLException {
        if (catalog != null) {
            return catalog.isEmpty() ? List.of() : firstColumn("SHOW CATALOGS").contains(catalog)
                    ? List.of(catalog) : List.of();
        }
        List<String> catalogs = firstColumn("SHOW CATALOGS");
        catalogs.sort(null);
        return catalogs;
    }

    /** (catalog, database) pairs matching the pattern. */
    List<String[]> schemas(String catalog, String schemaPattern) throws SQLException {
        List<String[]> schemas = new ArrayList<>();
        for (String name : catalogs(catalog)) {
            for (String database : firstColumn("SHOW DATABASES FROM " + Identifier.quote(name))) {
                if (MetaRows.matches(schemaPattern, database)) {
                    schemas.add(new String[] {name, database});
                }
            }
        }
        return schemas;
    }

    ResultSet getCatalogs(Statement owner) throws SQLException {
        MetaRows result = MetaRows.of("TABLE_CAT");
        for (String catalog : catalogs(null)) {
            result.add(catalog);
        }
        return result.result(owner);
    }

    ResultSet getSchemas(Statement owner, String catalog, String schemaPattern) throws SQLException {
        MetaRows result = MetaRows.of("TABLE_SCHEM", "TABLE_CATALOG");
        for (String[] schema : schemas(catalog, schemaPattern)) {
            result.add(schema[1], schema[0]);
        }
        return result.sortedBy(1, 0).result(owner);
    }

    /** A table or view as the gateway lists it: columns and key are the JSON objects and names it sends. */
    private static final class Listed {
        final String catalog;
        final String schema;
        final String name;
        final String type;
        final String remarks;
        final List<?> columns;
        final List<?> key;

        Listed(String catalog, String schema, Map<?, ?> table) {
            this.catalog = catalog;
            this.schema = schema;
            this.name = String.valueOf(table.get("name"));
            this.type = "VIEW".equals(table.get("kind")) ? "VIEW" : "TABLE";
            this.remarks = table.get("comment") instanceof String ? (String) table.get("comment") : null;
            this.columns = table.get("columns") instanceof List ? (List<?>) table.get("columns") : List.of();
            this.key = table.get("primaryKey") instanceof List ? (List<?>) table.get("primaryKey") : List.of();
        }
    }

    /** The tables and views matching, one request per database ({@code GatewayClient#tables}). */
    private List<Listed> tables(String catalog, String schemaPattern, String tablePattern, String[] types)
            throws SQLException {
        Set<String> wanted = types == null ? Set.of("TABLE", "VIEW") : new HashSet<>(Arrays.asList(types));
        List<Listed> tables = new ArrayList<>();
        if (!wanted.contains("TABLE") && !wanted.contains("VIEW")) {
            return tables;
        }
        String exactName = literal(tablePattern);
        for (String[] schema : schemas(catalog, schemaPattern)) {
            for (Object table : connection.gateway().tables(schema[0], schema[1], exactName)) {
                if (!(table instanceof Map)) {
                    throw new SQLException("The gateway's answer lists a table that is not a JSON object", "08006");
                }
                Listed listed = new Listed(schema[0], schema[1], (Map<?, ?>) table);
                if (wanted.contains(listed.type) && MetaRows.matches(tablePattern, listed.name)) {
                    tables.add(listed);
                }
            }
        }
        return tables;
    }

    /** The one name a pattern matches when it has no wildcard, so the gateway lists only it; otherwise null. */
    private static String literal(String pattern) {
        if (pattern == null) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                name.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                return null;
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    ResultSet getTables(Statement owner, String catalog, String schemaPattern, String tablePattern, String[] types)
            throws SQLException {
        MetaRows result = MetaRows.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
                "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
        for (Listed table : tables(catalog, schemaPattern, tablePattern, types)) {
            result.add(table.catalog, table.schema, table.name, table.type, table.remarks, null, null, null, null,
                    null);
        }
        return result.sortedBy(3, 0, 1, 2).result(owner);
    }

    ResultSet getColumns(Statement owner, String catalog, String schemaPattern, String tablePattern,
            String columnPattern) throws SQLException {
        MetaRows result = MetaRows.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:int",
                "TYPE_NAME", "COLUMN_SIZE:int", "BUFFER_LENGTH:int", "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int",
                "NULLABLE:int", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int",
                "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA",
                "SCOPE_TABLE", "SOURCE_DATA_TYPE:short", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
        for (Listed table : tables(catalog, schemaPattern, tablePattern, null)) {
            int position = 0;
            for (Object listed : table.columns) {
                position++;
                Map<?, ?> column = (Map<?, ?>) listed;
                String name = String.valueOf(column.get("name"));
                if (!MetaRows.matches(columnPattern, name)) {
                    continue;
                }
                ColumnType type = ColumnType.fromTypeString(String.valueOf(column.get("type")));
                boolean nullable = column.get("nullable") instanceof Boolean ? (Boolean) column.get("nullable")
                        : type.nullable;
                boolean text = type.root == ColumnType.Root.CHAR || type.root == ColumnType.Root.VARCHAR;
                result.add(table.catalog, table.schema, table.name, name, type.jdbcType(), type.typeName,
                        type.columnSize(), null, type.numeric() || type.decimalDigits() > 0 ? type.decimalDigits()
                                : null,
                        type.numeric() ? 10 : null,
                        nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                        column.get("comment") instanceof String ? column.get("comment") : null, null, null, null,
                        text ? type.columnSize() : null, position, nullable ? "YES" : "NO", null, null, null, null,
                        "NO", "");
            }
        }
        return result.sortedBy(0, 1, 2, 16).result(owner);
    }

    ResultSet getPrimaryKeys(Statement owner, String catalog, String schema, String table) throws SQLException {
        MetaRows result = MetaRows.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:short",
                "PK_NAME");
        for (Listed found : tables(catalog, exact(schema), exact(table), null)) {
            for (int i = 0; i < found.key.size(); i++) {
                result.add(found.catalog, found.schema, found.name, String.valueOf(found.key.get(i)), i + 1,
                        "PK_" + found.name);
            }
        }
        return result.sortedBy(3).result(owner);
    }

    /** A name given to a non-pattern argument, as a pattern that matches only it. */
    private static String exact(String name) {
        return name == null ? null : name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    ResultSet getFunctions(Statement owner, String catalog, String schemaPattern, String functionPattern)
            throws SQLException {
        MetaRows result = MetaRows.of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS",
                "FUNCTION_TYPE:short", "SPECIFIC_NAME");
        for (String[] schema : schemas(catalog, schemaPattern)) {
            String from = Identifier.quote(schema[0]) + "." + Identifier.quote(schema[1]);
            for (String function : firstColumn("SHOW USER FUNCTIONS FROM " + from)) {
                if (MetaRows.matches(functionPattern, function)) {
                    result.add(schema[0], schema[1], function, null, DatabaseMetaData.functionResultUnknown,
                            function);
                }
            }
        }
        return result.sortedBy(0, 1, 2).result(owner);
    }
}
