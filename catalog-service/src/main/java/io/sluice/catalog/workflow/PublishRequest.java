package io.sluice.catalog.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;

/** A request to make a table's design version what an environment sees, decided by a data admin. */
public record PublishRequest(
        long id,
        @JsonIgnore long tableId,
        String table,
        String ownerProject,
        Environment environment,
        int version,
        @JsonIgnore long dataSourceId,
        String dataSource,
        PublishStatus status,
        String requestedBy,
        OffsetDateTime requestedAt,
        String requestComment,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionComment) {}
