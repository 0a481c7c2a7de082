package io.sluice.catalog.datasource;

import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;
import java.util.Map;

/** A data source with its decrypted connection config per environment; never serialized as it is. */
public record DataSource(
        long id,
        String name,
        DataSourceKind kind,
        ManagementMode managementMode,
        EnvironmentScope environmentScope,
        String description,
        Map<Environment, ConnectionConfig> connections,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public boolean serves(Environment environment) {
        return environmentScope.serves(environment);
    }

    public ConnectionConfig connection(Environment environment) {
        return connections.get(environment);
    }
}
