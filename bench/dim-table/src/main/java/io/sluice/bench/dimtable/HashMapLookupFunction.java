package io.sluice.bench.dimtable;

import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.LookupFunction;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Looks the key up in a HashMap of the bench table (id, name, category, price). */
public final class HashMapLookupFunction extends LookupFunction {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String table;
    private transient Map<Object, Collection<RowData>> rows;

    HashMapLookupFunction(String url, String table) {
        this.url = url;
        this.table = table;
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, BenchDatabase.USER, BenchDatabase.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT id, name, category, price FROM " + table)) {
            while (resultSet.next()) {
                int id = resultSet.getInt(1);
                rows.put(id, List.of(GenericRowData.of(
                        id,
                        StringData.fromString(resultSet.getString(2)),
                        resultSet.getInt(3),
                        DecimalData.fromBigDecimal(resultSet.getBigDecimal(4), 10, 2))));
            }
        }
    }

    @Override
    public Collection<RowData> lookup(RowData keyRow) {
        Collection<RowData> found = rows.get(((GenericRowData) keyRow).getField(0));
        return found == null ? List.of() : found;
    }
}
