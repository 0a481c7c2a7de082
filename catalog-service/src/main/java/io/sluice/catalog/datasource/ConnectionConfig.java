package io.sluice.catalog.datasource;

import io.sluice.catalog.common.CatalogException;
import io.sluice.contract.connection.CheckedConnection;
import io.sluice.contract.connection.ConnectionRefused;
import io.sluice.contract.connection.ConnectionRules;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to reach a data source in one environment, as given by an admin: plain properties and secrets.
 * Only ever an input: responses carry {@link ConnectionSummary}, which names secrets but never shows them.
 */
public record ConnectionConfig(Map<String, String> properties, Map<String, String> secrets) {

    public ConnectionConfig {
        properties = properties == null ? Map.of() : Map.copyOf(new TreeMap<>(properties));
        secrets = secrets == null ? Map.of() : Map.copyOf(new TreeMap<>(secrets));
    }

    public String property(String key) {
        return properties.get(key);
    }

    /**
     * This config checked against the platform's rules for its kind (those the SQL gateway applies too), or a 400
     * naming the setting under {@code field}, e.g. {@code connections.test.properties.url}.
     */
    public CheckedConnection checked(DataSourceKind kind, String field) {
        try {
            return ConnectionRules.check(kind.connectionKind(), properties, secrets);
        } catch (ConnectionRefused refused) {
            throw CatalogException.invalid(field + "." + refused.field(), refused.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ConnectionConfig" + properties + " secrets=" + secrets.keySet();
    }
}
