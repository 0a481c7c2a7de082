package io.sluice.catalog.datasource;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * A data source as responses show it: secrets are named, never shown; {@code connections} and {@code createdBy}
 * are left out for callers who may not see them ({@link DataSourceVisibility}).
 */
public record DataSourceView(
        String name,
        DataSourceKind kind,
        ManagementMode managementMode,
        EnvironmentScope environmentScope,
        String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<Environment, ConnectionSummary> connections,
        @JsonInclude(JsonInclude.Include.NON_NULL) String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static DataSourceView of(DataSource source) {
        Map<Environment, ConnectionSummary> connections = new TreeMap<>();
        source.connections().forEach((env, config) -> connections.put(env, ConnectionSummary.of(config)));
        return new DataSourceView(
                source.name(), source.kind(), source.managementMode(), source.environmentScope(),
                source.description(), connections, source.createdBy(), source.createdAt(), source.updatedAt());
    }

    DataSourceView withoutConnections() {
        return new DataSourceView(name, kind, managementMode, environmentScope, description, null, null, createdAt, updatedAt);
    }
}
