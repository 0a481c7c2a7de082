package io.sluice.catalog.table;

import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A table as one environment sees it: in design the newest version, elsewhere the version published
 * there and the data source holding it; {@code publications} lists every environment it reached.
 * {@code partitionKeys} names its partition columns (a Hive table's), {@code properties} what the system it was
 * imported from says of it (a Hive table's location and storage format); both are empty for a designed table.
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
        List<String> partitionKeys,
        java.util.Map<String, String> properties,
        List<Publication> publications,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
