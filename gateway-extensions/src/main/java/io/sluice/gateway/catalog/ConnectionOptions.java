package io.sluice.gateway.catalog;

import io.sluice.contract.ConnectionView;
import io.sluice.dimtable.CacheConfig;
import io.sluice.dimtable.CatalogDimTable;
import io.sluice.dimtable.DataSourceConnection;
import io.sluice.dimtable.DimTableFactory;
import io.sluice.dimtable.DimTableOptions;

import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps a data source's connection from catalog-service onto the options of the Flink connector that reads it. */
final class ConnectionOptions {

    static final String UNSUPPORTED_PREFIX = "sluice-unsupported-";

    static final String REDIS = "redis";
    static final String DIM_CONNECTOR = DimTableFactory.IDENTIFIER;

    private static final Set<String> JDBC_KINDS = Set.of("mysql", "postgresql", "jdbc");

    private ConnectionOptions() {}

    static boolean isJdbc(String dataSourceKind) {
        return JDBC_KINDS.contains(dataSourceKind);
    }

    /** The options to add to a table's visible ones so that its connector can reach the data source. */
    static Map<String, String> forConnector(ConnectionView connection) {
        Map<String, String> options = new HashMap<>();
        if ("kafka".equals(connection.kind())) {
            // every Kafka client setting, secret or not, travels as properties.<key>
            connection.properties().forEach((key, value) -> options.put("properties." + key, value));
            secrets(connection).forEach((key, value) -> options.put("properties." + key, value));
        } else if (isJdbc(connection.kind())) {
            copy(connection.properties(), "url", options);
            copy(connection.properties(), "username", options);
            copy(secrets(connection), "password", options);
        } else {
            throw new ValidationException(
                    "Tables of data source '" + connection.dataSource() + "' (" + connection.kind()
                            + ") cannot be read or written through the SQL gateway yet.");
        }
        return options;
    }

    /** The connection's values that must never reach a client, e.g. in a connector's error. */
    static List<String> sensitiveValues(ConnectionView connection) {
        List<String> values = new ArrayList<>(connection.properties().values());
        values.addAll(secrets(connection).values());
        return values;
    }

    /**
     * All options of a Redis table as a {@code dim} lookup table: rows are JSON strings under
     * {@code <table>:<key>}, found by the table's primary key.
     */
    static Map<String, String> forRedisLookup(
            ConnectionView connection, ObjectIdentifier table, List<String> primaryKey, CacheConfig cache) {
        if (primaryKey.isEmpty()) {
            throw new ValidationException(
                    "Table " + table.asSummaryString() + " lives in Redis and has no primary key, so its rows cannot "
                            + "be looked up: Redis finds a row only by its key. Give the table a primary key in "
                            + "catalog-service (its rows are read from keys '" + table.getObjectName()
                            + ":<primary key values>') and publish it again.");
        }
        Map<String, String> properties = connection.properties();
        String port = properties.get("port");
        Map<String, String> options =
                new HashMap<>(
                        CatalogDimTable.connectorOptions(
                                new DataSourceConnection(
                                        DataSourceConnection.Kind.REDIS,
                                        port == null ? properties.get("host") : properties.get("host") + ":" + port,
                                        null,
                                        secrets(connection).get("password"),
                                        table.getObjectName(),
                                        primaryKey),
                                cache));
        String database = properties.get("database");
        if (database != null) {
            options.put(DimTableOptions.DB_NUM.key(), database);
        }
        return options;
    }

    /**
     * The options of a connected {@code jdbc} table as a {@code dim} table, so that lookup joins use the dim
     * connector's caches; null when the dim connector cannot read that database (it knows PostgreSQL, MySQL and
     * MariaDB), and Flink's jdbc connector keeps the lookups.
     */
    static Map<String, String> forJdbcLookup(ResolvedCatalogTable table, CacheConfig cache) {
        Map<String, String> jdbc = table.getOptions();
        String url = jdbc.get("url");
        if (!"jdbc".equals(jdbc.get("connector")) || url == null) {
            return null;
        }
        DataSourceConnection.Kind kind;
        if (url.startsWith("jdbc:postgresql:")) {
            kind = DataSourceConnection.Kind.POSTGRESQL;
        } else if (url.startsWith("jdbc:mysql:")) {
            kind = DataSourceConnection.Kind.MYSQL;
        } else if (url.startsWith("jdbc:mariadb:")) {
            kind = DataSourceConnection.Kind.MARIADB;
        } else {
            return null;
        }
        List<String> rowKey =
                table.getResolvedSchema()
                        .getPrimaryKey()
                        .map(UniqueConstraint::getColumns)
                        .orElse(table.getResolvedSchema().getColumnNames());
        Map<String, String> options =
                new HashMap<>(
                        CatalogDimTable.connectorOptions(
                                new DataSourceConnection(
                                        kind, url, jdbc.get("username"), jdbc.get("password"), jdbc.get("table-name"),
                                        rowKey),
                                cache));
        // as with Flink's jdbc connector, a query may look a database table up by any of its columns; key columns
        // would restrict lookups to exactly those
        options.remove(DimTableOptions.KEY_COLUMNS.key());
        return options;
    }

    private static Map<String, String> secrets(ConnectionView connection) {
        return connection.secrets() == null ? Map.of() : connection.secrets();
    }

    private static void copy(Map<String, String> from, String key, Map<String, String> to) {
        String value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
