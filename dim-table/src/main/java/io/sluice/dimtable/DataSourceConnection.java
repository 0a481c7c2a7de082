package io.sluice.dimtable;

import java.util.List;
import java.util.Objects;

/**
 * A catalog data source as the gateway knows it, to be used as a dimension table.
 *
 * @param kind which store
 * @param address JDBC URL for MySQL, MariaDB and PostgreSQL ({@code jdbc:postgresql://db:5432/shop});
 *     {@code host} or {@code host:port} for Redis
 * @param user user name, or null
 * @param password password, or null
 * @param table JDBC: table name, optionally schema-qualified; Redis: the key prefix of the table's
 *     rows without the trailing separator ({@code customer} for keys {@code customer:42})
 * @param keyColumns columns that identify a row; lookup joins must use exactly these
 */
public record DataSourceConnection(
        Kind kind, String address, String user, String password, String table, List<String> keyColumns) {

    /** The stores the dim connector reads. */
    public enum Kind {
        MYSQL,
        MARIADB,
        POSTGRESQL,
        REDIS
    }

    public DataSourceConnection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(table, "table");
        if (keyColumns == null || keyColumns.isEmpty()) {
            throw new IllegalArgumentException("keyColumns: a dimension table needs the columns that identify a row");
        }
        keyColumns = List.copyOf(keyColumns);
    }
}
