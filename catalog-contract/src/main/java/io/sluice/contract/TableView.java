package io.sluice.contract;

import java.util.List;

/**
 * A table as one environment sees it.
 *
 * @param type {@code topic} for a Kafka topic, {@code table} for a database table
 * @param topicKind {@code append} or {@code upsert} for topics, null for database tables
 * @param format json or csv for topics; json or hash for Redis tables; null for other database tables
 * @param schemaVersion the schema version published to this environment
 * @param primaryKey column names of the primary key, empty when there is none
 * @param watermark the topic's event time, null when it has none
 * @param partitionKeys the partition columns (of a table imported from Hive), in order; empty when it has none
 */
public record TableView(
        String name,
        String displayName,
        String ownerProject,
        String type,
        String topicKind,
        String format,
        Integer partitions,
        Long retentionHours,
        String description,
        int schemaVersion,
        List<ColumnView> columns,
        List<String> primaryKey,
        WatermarkView watermark,
        List<String> partitionKeys) {

    public TableView {
        partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
    }
}
