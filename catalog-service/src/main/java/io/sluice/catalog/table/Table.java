package io.sluice.catalog.table;

import java.time.OffsetDateTime;

/** A designed table: what does not change between versions. Columns live in {@link TableSchema} versions. */
public record Table(
        long id,
        String name,
        String displayName,
        long ownerProjectId,
        String ownerProject,
        TableType type,
        RecordFormat format,
        Integer partitions,
        Long retentionHours,
        TopicKind topicKind,
        String description,
        int designVersion,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
