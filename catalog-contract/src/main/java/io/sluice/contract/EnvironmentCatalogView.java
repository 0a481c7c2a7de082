package io.sluice.contract;

import java.util.List;

/**
 * Every table published to one environment, grouped by database, as served by
 * {@code GET /api/v1/environments/{environment}/catalog}. Each table carries the schema version
 * published to this environment, which may be older than the one in design.
 */
public record EnvironmentCatalogView(String environment, List<DatabaseView> databases) {}
