package io.sluice.gateway.catalog;

import io.sluice.contract.ConnectionView;

import org.apache.flink.table.api.ValidationException;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Maps a data source's connection from catalog-service onto the options of the Flink connector that reads it. */
final class ConnectionOptions {

    static final String UNSUPPORTED_PREFIX = "sluice-unsupported-";

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
