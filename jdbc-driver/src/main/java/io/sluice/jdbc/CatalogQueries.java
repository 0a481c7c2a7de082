package io.sluice.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DatabaseMetaData's catalog calls answered by the session's own statements (SHOW CATALOGS, SHOW DATABASES FROM,
 * SHOW TABLES FROM, SHOW VIEWS FROM, DESCRIBE, SHOW USER FUNCTIONS FROM), so they show exactly what the governed
 * session offers. Catalogs are environments, schemas their databases; patterns are matched here.
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

    /** (catalog, database, table, type) of the tables and views matching. */
    List<String[]> tables(String catalog, String schemaPattern, String tablePattern, String[] types)
            throws SQLException {
        Set<String> wanted = types == null ? Set.of("TABLE", "VIEW") : new HashSet<>(Arrays.asList(types));
        List<String[]> tables = new ArrayList<>();
        if (!wanted.contains("TABLE") && !wanted.contains("VIEW")) {
            return tables;
        }
        for (String[] schema : schemas(catalog, schemaPattern)) {
            String qualified = Identifier.quote(schema[0]) + "." + Identifier.quote(schema[1]);
            Set<String> views = new HashSet<>(firstColumn("SHOW VIEWS FROM " + qualified));
            for (String table : firstColumn("SHOW TABLES FROM " + qualified)) {
                String type = views.contains(table) ? "VIEW" : "TABLE";
                if (wanted.contains(type) && MetaRows.matches(tablePattern, table)) {
                    tables.add(new String[] {schema[0], schema[1], table, type});
                }
            }
            for (String view : views) {
                if (wanted.contains("VIEW") && MetaRows.matches(tablePattern, view)
                        && tables.stream().noneMatch(t -> t[0].equals(schema[0]) && t[1].equals(schema[1])
                                && t[2].equals(view))) {
                    tables.add(new String[] {schema[0], schema[1], view, "VIEW"});
                }
            }
        }
        return tables;
    }

    ResultSet getTables(Statement owner, String catalog, String schemaPattern, String tablePattern, String[] types)
            throws SQLException {
        MetaRows result = MetaRows.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
                "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
        for (String[] table : tables(catalog, schemaPattern, tablePattern, types)) {
            result.add(table[0], table[1], table[2], table[3], null, null, null, null, null, null);
        }
        return result.sortedBy(3, 0, 1, 2).result(owner);
    }

    /** One column of DESCRIBE: name, type string, nullable, key ({@code PRI(a, b)} or null), comment. */
    private List<String[]> describe(String catalog, String schema, String table) throws SQLException {
        String sql = "DESCRIBE " + Identifier.quote(catalog) + "." + Identifier.quote(schema) + "."
                + Identifier.quote(table);
        List<String[]> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            int comment = -1;
            int key = -1;
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnName(i).equalsIgnoreCase("comment")) {
                    comment = i;
                } else if (meta.getColumnName(i).equalsIgnoreCase("key")) {
                    key = i;
                }
            }
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3),
                        key < 0 ? null : rows.getString(key), comment < 0 ? null : rows.getString(comment)});
            }
        }
        return columns;
    }

    ResultSet getColumns(Statement owner, String catalog, String schemaPattern, String tablePattern,
            String columnPattern) throws SQLException {
        MetaRows result = MetaRows.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:int",
                "TYPE_NAME", "COLUMN_SIZE:int", "BUFFER_LENGTH:int", "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int",
                "NULLABLE:int", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int",
                "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA",
                "SCOPE_TABLE", "SOURCE_DATA_TYPE:short", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
        for (String[] table : tables(catalog, schemaPattern, tablePattern, null)) {
            int position = 0;
            for (String[] column : describe(table[0], table[1], table[2])) {
                position++;
                if (!MetaRows.matches(columnPattern, column[0])) {
                    continue;
                }
                ColumnType type = ColumnType.fromTypeString(column[1]);
                boolean nullable = column[2] == null ? type.nullable : Boolean.parseBoolean(column[2].toLowerCase(Locale.ROOT));
                boolean text = type.root == ColumnType.Root.CHAR || type.root == ColumnType.Root.VARCHAR;
                result.add(table[0], table[1], table[2], column[0], type.jdbcType(), type.typeName,
                        type.columnSize(), null, type.numeric() || type.decimalDigits() > 0 ? type.decimalDigits()
                                : null,
                        type.numeric() ? 10 : null,
                        nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                        column[4], null, null, null, text ? type.columnSize() : null, position,
                        nullable ? "YES" : "NO", null, null, null, null, "NO", "");
            }
        }
        return result.sortedBy(0, 1, 2, 16).result(owner);
    }

    ResultSet getPrimaryKeys(Statement owner, String catalog, String schema, String table) throws SQLException {
        MetaRows result = MetaRows.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:short",
                "PK_NAME");
        for (String[] found : tables(catalog, exact(schema), exact(table), null)) {
            for (String[] column : describe(found[0], found[1], found[2])) {
                String key = column[3];
                if (key == null || !key.startsWith("PRI(") || !key.endsWith(")")) {
                    continue;
                }
                List<String> keyColumns = Arrays.asList(key.substring(4, key.length() - 1).split("\\s*,\\s*"));
                result.add(found[0], found[1], found[2], column[0], keyColumns.indexOf(column[0]) + 1,
                        "PK_" + found[2]);
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
