package io.sluice.catalog.table;

import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A table as one environment sees it: in design the newest version, elsewhere the version published
 * there and the data source holding it; {@code publications} lists every environment it reached.
 */
public record TableView(
        String name,
        String displayName,
        String ownerProject,
        TableType type,
        RecordFormat format,
        Integer partitions,
        Long retentionHours,
        TopicKind topicKind,
        String description,
        Environment environment,
        int version,
        int designVersion,
        String dataSource,
        List<Column> columns,
        List<String> primaryKey,
        Watermark watermark,
        List<Publication> publications,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
