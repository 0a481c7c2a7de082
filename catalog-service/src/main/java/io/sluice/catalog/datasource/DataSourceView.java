package io.sluice.catalog.datasource;

import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/** A data source as every response shows it: secrets are named, never shown. */
public record DataSourceView(
        String name,
        DataSourceKind kind,
        ManagementMode managementMode,
        EnvironmentScope environmentScope,
        String description,
        Map<Environment, ConnectionSummary> connections,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static DataSourceView of(DataSource source) {
        Map<Environment, ConnectionSummary> connections = new TreeMap<>();
        source.connections().forEach((env, config) -> connections.put(env, ConnectionSummary.of(config)));
        return new DataSourceView(
                source.name(), source.kind(), source.managementMode(), source.environmentScope(),
                source.description(), connections, source.createdBy(), source.createdAt(), source.updatedAt());
    }
}
