package io.sluice.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** A metadata result the driver builds: named columns of simple types, rows of plain values. */
final class MetaRows {

    private final List<Column> columns = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    /** Columns as {@code NAME} (text), {@code NAME:int}, {@code NAME:short} or {@code NAME:boolean}. */
    static MetaRows of(String... columns) {
        MetaRows result = new MetaRows();
        for (String column : columns) {
            int colon = column.indexOf(':');
            String name = colon < 0 ? column : column.substring(0, colon);
            String type = colon < 0 ? "text" : column.substring(colon + 1);
            ColumnType.Root root = type.equals("int") ? ColumnType.Root.INTEGER
                    : type.equals("short") ? ColumnType.Root.SMALLINT
                    : type.equals("boolean") ? ColumnType.Root.BOOLEAN : ColumnType.Root.VARCHAR;
            result.columns.add(new Column(name, ColumnType.of(root, true)));
        }
        return result;
    }

    /** A row; numbers are given as Java integers, text as strings, null as null. */
    MetaRows add(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object value : Arrays.asList(values)) {
            row.add(value instanceof Integer ? BigDecimal.valueOf((Integer) value) : value);
        }
        rows.add(row);
        return this;
    }

    ResultSet result(java.sql.Statement statement) {
        return new SluiceResultSet(statement, columns, Rows.of(rows));
    }

    /** Sorts rows by the given columns (0-based), as JDBC orders metadata; nulls first. */
    MetaRows sortedBy(int... keys) {
        rows.sort((a, b) -> {
            for (int key : keys) {
                Object x = a.get(key);
                Object y = b.get(key);
                int order = x == null ? (y == null ? 0 : -1) : y == null ? 1 : compare(x, y);
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        });
        return this;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y) {
        return ((Comparable) x).compareTo(y);
    }

    /**
     * Whether a name matches a JDBC search pattern: {@code %} any characters, {@code _} one, {@code \} escapes the
     * next; a null pattern matches every name.
     */
    static boolean matches(String pattern, String name) {
        if (pattern == null) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name).matches();
    }
}
