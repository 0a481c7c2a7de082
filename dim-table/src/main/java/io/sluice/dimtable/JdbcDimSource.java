package io.sluice.dimtable;

import org.apache.flink.table.types.logical.RowType;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/** A table in MySQL, MariaDB or PostgreSQL. */
final class JdbcDimSource implements DimSource {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String table;
    private final String userName;
    private final String password;
    private final long timeoutMs;
    private final JdbcFieldCodec[] columns;
    private final JdbcFieldCodec[] keys;
    private final String lookupSql;
    private final String scanSql;

    JdbcDimSource(
            String url, String table, String userName, String password, long timeoutMs, RowType rowType, int[] keyIndices) {
        this.url = url;
        this.table = table;
        this.userName = userName;
        this.password = password;
        this.timeoutMs = timeoutMs;
        List<String> names = rowType.getFieldNames();
        this.columns = new JdbcFieldCodec[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = JdbcFieldCodec.of(names.get(i), rowType.getTypeAt(i));
        }
        this.keys = new JdbcFieldCodec[keyIndices.length];
        for (int i = 0; i < keyIndices.length; i++) {
            keys[i] = columns[keyIndices[i]];
        }
        JdbcDialect dialect = JdbcDialect.of(url);
        String select =
                "SELECT " + names.stream().map(dialect::quote).collect(Collectors.joining(", "))
                        + " FROM " + dialect.quote(table);
        this.scanSql = select;
        StringBuilder where = new StringBuilder(select).append(" WHERE ");
        for (int i = 0; i < keyIndices.length; i++) {
            if (i > 0) {
                where.append(" AND ");
            }
            where.append(dialect.quote(names.get(keyIndices[i]))).append(" = ?");
        }
        this.lookupSql = where.toString();
    }

    @Override
    public DimConnection connect() throws IOException {
        Properties properties = new Properties();
        if (userName != null) {
            properties.setProperty("user", userName);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        JdbcDialect.of(url).setTimeouts(properties, timeoutMs);
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            return new JdbcDimConnection(connection, columns, keys, lookupSql, scanSql);
        } catch (SQLException e) {
            throw JdbcDimConnection.classify(e);
        }
    }

    @Override
    public String describe() {
        return String.format("table '%s' at %s", table, url);
    }
}
