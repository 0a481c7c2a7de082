package io.sluice.catalog.datasource;

import java.util.List;
import java.util.Map;

/** A connection config as responses show it: its properties and the names of its secrets, never their values. */
public record ConnectionSummary(Map<String, String> properties, List<String> secretKeys) {

    static ConnectionSummary of(ConnectionConfig config) {
        return new ConnectionSummary(config.properties(), config.secrets().keySet().stream().sorted().toList());
    }
}
