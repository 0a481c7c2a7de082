package io.sluice.catalog.datasource;

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

    /** Every setting, secrets included, for handing to a client library. */
    public Map<String, String> merged() {
        Map<String, String> all = new TreeMap<>(properties);
        all.putAll(secrets);
        return all;
    }

    @Override
    public String toString() {
        return "ConnectionConfig" + properties + " secrets=" + secrets.keySet();
    }
}
