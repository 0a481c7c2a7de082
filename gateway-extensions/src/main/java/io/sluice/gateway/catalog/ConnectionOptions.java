package io.sluice.gateway.catalog;

import io.sluice.contract.ConnectionView;
import io.sluice.contract.connection.CheckedConnection;
import io.sluice.contract.connection.ConnectionKind;
import io.sluice.contract.connection.ConnectionRefused;
import io.sluice.contract.connection.ConnectionRules;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a data source's connection from catalog-service onto the options of the Flink connector that reads it, after
 * checking it against the same {@link ConnectionRules} catalog-service applies: a stored config may predate a rule or
 * have been written around the service, and a connector acts on whatever it is given.
 */
final class ConnectionOptions {

    static final String UNSUPPORTED_PREFIX = "sluice-unsupported-";

    static final String REDIS = "redis";
    static final String DIM_CONNECTOR = DimTableFactory.IDENTIFIER;

    private ConnectionOptions() {}

    /** Why a table of a kind no connector here reads cannot be planned; for Hive, what is missing and what still works. */
    static String unsupported(ObjectIdentifier table, String dataSourceKind) {
        if (ConnectionKind.HIVE.spelling().equals(dataSourceKind)) {
            return "Table " + table.asSummaryString() + " is a Hive table. Reading or writing it needs Flink's Hive "
                    + "connector, which has no release for Flink 2.x on Maven Central, so the SQL gateway cannot plan a "
                    + "query on it. Its schema is governed here: DESCRIBE "
                    + "and SHOW CREATE TABLE show it, and grants and applications apply as to any table.";
        }
        return "Table " + table.asSummaryString() + " lives in a data source of kind '" + dataSourceKind
                + "', which the SQL gateway cannot read or write yet.";
    }

    static boolean isJdbc(String dataSourceKind) {
        return Arrays.stream(ConnectionKind.values()).anyMatch(k -> k.isJdbc() && k.spelling().equals(dataSourceKind));
    }

    /**
     * The options to add to a table's visible ones so that its connector can reach the data source; for JDBC the
     * URL rebuilt from its checked parts.
     */
    static Map<String, String> forConnector(ConnectionView connection) {
        CheckedConnection checked = checked(connection);
        Map<String, String> options = new HashMap<>();
        if (checked.kind() == ConnectionKind.KAFKA) {
            // every Kafka client setting, secret or not, travels as properties.<key>
            checked.properties().forEach((key, value) -> options.put("properties." + key, value));
            checked.secrets().forEach((key, value) -> options.put("properties." + key, value));
        } else if (checked.kind().isJdbc()) {
            copy(checked.properties(), "url", options);
            copy(checked.properties(), "username", options);
            copy(checked.secrets(), "password", options);
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
        CheckedConnection checked = checked(connection);
        if (primaryKey.isEmpty()) {
            throw new ValidationException(
                    "Table " + table.asSummaryString() + " lives in Redis and has no primary key, so its rows cannot "
                            + "be looked up: Redis finds a row only by its key. Give the table a primary key in "
                            + "catalog-service (its rows are read from keys '" + table.getObjectName()
                            + ":<primary key values>') and publish it again.");
        }
        Map<String, String> properties = checked.properties();
        Map<String, String> options =
                new HashMap<>(
                        CatalogDimTable.connectorOptions(
                                new DataSourceConnection(
                                        DataSourceConnection.Kind.REDIS,
                                        properties.get("host") + ":" + properties.get("port"),
                                        null,
                                        checked.secrets().get("password"),
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

    /**
     * The connection checked before any option is built from it. The refusal names the data source and the setting,
     * never a value: values may be secrets.
     */
    private static CheckedConnection checked(ConnectionView connection) {
        try {
            return ConnectionRules.check(ConnectionKind.of(connection.kind()), connection.properties(), secrets(connection));
        } catch (ConnectionRefused refused) {
            throw new ValidationException(
                    "The connection of data source '" + connection.dataSource() + "' in environment '"
                            + connection.environment() + "' breaks the platform's connection rules, so no connector "
                            + "is given it: " + refused.field() + ": " + refused.getMessage() + ". A data admin "
                            + "must correct it in catalog-service.");
        }
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
