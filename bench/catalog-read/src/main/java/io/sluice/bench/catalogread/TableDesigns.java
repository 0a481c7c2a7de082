package io.sluice.bench.catalogread;

import java.util.StringJoiner;
import java.util.function.IntFunction;

/**
 * Columns of the kind business tables have: a key {@code id}, then 7 to 19 columns of mixed Flink types, each with
 * a comment; the count cycles through 8–20 with the table's number (14 on average), so that the catalog is not one
 * row shape repeated.
 */
final class TableDesigns implements IntFunction<String> {

    static final int MIN_COLUMNS = 8;
    static final int MAX_COLUMNS = 20;

    private static final String[][] COLUMNS = {
        {"customer_id", "BIGINT", "the customer who placed it"},
        {"customer_name", "STRING", "customer name as entered at sign-up"},
        {"amount", "DECIMAL(12, 2)", "total in the order currency"},
        {"currency", "CHAR(3)", "ISO 4217 currency code"},
        {"status", "STRING", "lifecycle state: new, paid, shipped, returned"},
        {"created_at", "TIMESTAMP(3)", "when the row was created, UTC"},
        {"updated_at", "TIMESTAMP(3)", "when the row last changed, UTC"},
        {"country", "VARCHAR(2)", "ISO 3166 country of delivery"},
        {"quantity", "INT", "number of items"},
        {"discount", "DOUBLE", "share of the list price taken off"},
        {"is_gift", "BOOLEAN", "whether it is wrapped as a gift"},
        {"delivery_date", "DATE", "promised delivery day"},
        {"sales_channel", "STRING", "web, app, store or partner"},
        {"tags", "ARRAY<STRING>", "free labels set by support"},
        {"warehouse_id", "INT", "warehouse that ships it"},
        {"weight_kg", "DECIMAL(8, 3)", "parcel weight"},
        {"note", "STRING", "free text from the customer"},
        {"attributes", "MAP<STRING, STRING>", "extra attributes by name"},
        {"version", "BIGINT", "optimistic-locking version of the row"},
    };

    /** How many columns table {@code table} has. */
    static int columnCount(int table) {
        return MIN_COLUMNS + table % (MAX_COLUMNS - MIN_COLUMNS + 1);
    }

    @Override
    public String apply(int table) {
        StringJoiner columns = new StringJoiner(",", "[", "]");
        columns.add(column("id", "BIGINT", "key of the row"));
        for (int i = 1; i < columnCount(table); i++) {
            String[] column = COLUMNS[(table + i) % COLUMNS.length];
            columns.add(column(column[0], column[1], column[2]));
        }
        return columns.toString();
    }

    private static String column(String name, String type, String comment) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"comment\":\"" + comment + "\"}";
    }
}
