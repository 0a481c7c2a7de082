package io.sluice.catalog.table;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules a table design must follow; plain Java so that tests call them directly. */
public final class TableRules {

    public static final int MIN_NAME = 2;
    public static final int MAX_NAME = 35;
    public static final int MAX_PARTITIONS = 1024;

    private TableRules() {}

    /** Checks a new table and returns it with defaults filled in and column types in Flink's spelling. */
    public static NewTable check(NewTable table) {
        Names.require("name", table.name(), MIN_NAME, MAX_NAME);
        if (table.ownerProject() == null || table.ownerProject().isBlank()) {
            throw CatalogException.invalid("ownerProject", "ownerProject is required: the project that owns the table");
        }
        if (table.type() == null) {
            throw CatalogException.invalid("type", "type is required: topic (Kafka) or table (database)");
        }
        TopicKind kind = table.topicKind();
        if (table.type() == TableType.TOPIC) {
            if (table.format() == null || table.format() == RecordFormat.HASH) {
                throw CatalogException.invalid(
                        "format", "a topic needs a format: json or csv" + (table.format() == null ? "" : " (hash is for Redis tables)"));
            }
            if (table.partitions() == null || table.partitions() < 1 || table.partitions() > MAX_PARTITIONS) {
                throw CatalogException.invalid(
                        "partitions", "a topic needs partitions between 1 and " + MAX_PARTITIONS + ", got " + table.partitions());
            }
            if (table.retentionHours() != null && table.retentionHours() < 1) {
                throw CatalogException.invalid("retentionHours", "retentionHours must be at least 1, got " + table.retentionHours());
            }
            kind = kind == null ? TopicKind.APPEND : kind;
        } else {
            if (table.format() == RecordFormat.CSV) {
                throw CatalogException.invalid(
                        "format",
                        "a table's format is json or hash, how a Redis table keeps each row (a JSON string or a hash per key); "
                                + "leave it out for other database tables");
            }
            refuseTopicSetting("partitions", table.partitions());
            refuseTopicSetting("retentionHours", table.retentionHours());
            refuseTopicSetting("topicKind", kind);
        }
        TableSchema schema = check(table.schema(), kind);
        return new NewTable(
                table.name(), table.displayName(), table.ownerProject(), table.type(), table.format(), table.partitions(),
                table.retentionHours(), kind, table.description(), schema.columns(), schema.primaryKey(), schema.watermark());
    }

    /**
     * Checks columns, primary key and event time; an upsert topic must have a key, only a topic has an event time
     * ({@code kind} is null for a database table). Returns columns with canonical types, key columns NOT NULL.
     */
    public static TableSchema check(TableSchema schema, TopicKind kind) {
        if (schema.columns().isEmpty()) {
            throw CatalogException.invalid("columns", "a table needs at least one column");
        }
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < schema.columns().size(); i++) {
            Column column = schema.columns().get(i);
            String field = "columns[" + i + "]";
            if (column == null) {
                throw CatalogException.invalid(field, field + " is empty");
            }
            Names.require(field + ".name", column.name(), 1, 64);
            if (!names.add(column.name().toLowerCase(Locale.ROOT))) {
                throw CatalogException.invalid(field + ".name", "column '" + column.name() + "' appears twice");
            }
            columns.add(new Column(column.name(), FlinkTypes.canonical(field + ".type", column.type()), column.comment()));
        }
        Set<String> keyColumns = new HashSet<>();
        for (String key : schema.primaryKey()) {
            boolean known = columns.stream().anyMatch(c -> c.name().equals(key));
            if (!known) {
                throw CatalogException.invalid("primaryKey", "primary key column '" + key + "' is not one of the columns");
            }
            if (!keyColumns.add(key)) {
                throw CatalogException.invalid("primaryKey", "primary key column '" + key + "' appears twice");
            }
        }
        if (kind == TopicKind.UPSERT && schema.primaryKey().isEmpty()) {
            throw CatalogException.invalid(
                    "primaryKey", "an upsert topic needs a primary key: records with the same key replace each other");
        }
        return new TableSchema(keyColumnsNotNull(columns, keyColumns), schema.primaryKey(), check(schema.watermark(), columns, kind));
    }

    /**
     * A schema whose key columns have their types' NOT NULL form, as Flink's DDL makes them (a Flink table with a
     * nullable key column fails to resolve). Also applied to versions stored before this rule, when they are read.
     */
    public static TableSchema keyColumnsNotNull(TableSchema schema) {
        return new TableSchema(keyColumnsNotNull(schema.columns(), Set.copyOf(schema.primaryKey())), schema.primaryKey(), schema.watermark());
    }

    private static List<Column> keyColumnsNotNull(List<Column> columns, Set<String> key) {
        return columns.stream()
                .map(c -> key.contains(c.name()) ? new Column(c.name(), FlinkTypes.notNull(c.type()), c.comment()) : c)
                .toList();
    }

    private static Watermark check(Watermark watermark, List<Column> columns, TopicKind kind) {
        if (watermark == null) {
            return null;
        }
        if (kind == null) {
            throw CatalogException.invalid(
                    "watermark", "watermark applies to topics only: a database table is read whole, without event time");
        }
        Column column = columns.stream()
                .filter(c -> c.name().equals(watermark.column()))
                .findFirst()
                .orElseThrow(() -> CatalogException.invalid(
                        "watermark.column",
                        watermark.column() == null
                                ? "watermark.column is required: the TIMESTAMP column that holds each record's event time"
                                : "watermark column '" + watermark.column() + "' is not one of the columns"));
        if (!FlinkTypes.isEventTime(column.type())) {
            throw CatalogException.invalid(
                    "watermark.column",
                    "watermark column '" + column.name() + "' is " + column.type() + "; event time needs TIMESTAMP(p) or "
                            + "TIMESTAMP_LTZ(p) with p from 0 to 3, e.g. TIMESTAMP(3)");
        }
        long delayMs = watermark.delayMs() == null ? 0 : watermark.delayMs();
        if (delayMs < 0) {
            throw CatalogException.invalid(
                    "watermark.delayMs",
                    "watermark.delayMs must be 0 or more: how many milliseconds to wait for late records, got " + delayMs);
        }
        return new Watermark(column.name(), delayMs);
    }

    private static void refuseTopicSetting(String field, Object value) {
        if (value != null) {
            throw CatalogException.invalid(field, field + " applies to topics only; remove it for a database table");
        }
    }
}
