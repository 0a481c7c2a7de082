package io.sluice.catalog.table;

import java.util.List;

/** A table as a user designs it. Topic settings (format, partitions, retention, kind) apply to topics only. */
public record NewTable(
        String name,
        String displayName,
        String ownerProject,
        TableType type,
        RecordFormat format,
        Integer partitions,
        Long retentionHours,
        TopicKind topicKind,
        String description,
        List<Column> columns,
        List<String> primaryKey,
        Watermark watermark) {

    TableSchema schema() {
        return new TableSchema(columns, primaryKey, watermark);
    }
}
