package io.sluice.catalog.table;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;

/** What one environment sees of a table: a schema version, held by a data source. */
public record Publication(
        Environment environment,
        int version,
        @JsonIgnore long dataSourceId,
        String dataSource,
        long requestId,
        OffsetDateTime publishedAt) {}
