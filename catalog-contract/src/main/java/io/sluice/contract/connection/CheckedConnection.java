package io.sluice.contract.connection;

import java.util.Map;
import java.util.Optional;

/**
 * A connection config that passed {@link ConnectionRules}: what may be handed to a driver or client. For JDBC
 * kinds {@code properties.url} is the URL rebuilt from its checked parts, never the text as it was stored.
 */
public record CheckedConnection(
        ConnectionKind kind, Map<String, String> properties, Map<String, String> secrets, Optional<JdbcUrl> jdbcUrl) {

    public CheckedConnection {
        properties = Map.copyOf(properties);
        secrets = Map.copyOf(secrets);
    }

    public String property(String key) {
        return properties.get(key);
    }
}
