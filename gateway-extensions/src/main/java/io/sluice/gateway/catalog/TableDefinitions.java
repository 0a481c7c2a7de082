package io.sluice.gateway.catalog;

import io.sluice.contract.ColumnView;
import io.sluice.contract.DatabaseView;
import io.sluice.contract.TableView;
import io.sluice.contract.WatermarkView;
import io.sluice.dimtable.DimTableOptions;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.types.UnresolvedDataType;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a table published in catalog-service into a Flink table whose options name the connector and the
 * topic or table, but no address and no secret: those are added at planning time by
 * {@link ConnectedTableFactory}, so {@code SHOW CREATE TABLE} cannot reveal them.
 */
final class TableDefinitions {

    static final String TOPIC = "topic";
    static final String APPEND = "append";
    static final String UPSERT = "upsert";

    private TableDefinitions() {}

    static CatalogTable toFlinkTable(DatabaseView database, TableView table) {
        Schema.Builder schema = Schema.newBuilder();
        List<String> key = table.primaryKey() == null ? List.of() : table.primaryKey();
        for (ColumnView column : table.columns()) {
            // Flink refuses a table whose key column is nullable (SHOW CREATE TABLE, DESCRIBE and every query fail);
            // its DDL makes key columns NOT NULL, and so does this, whatever catalog-service sent
            UnresolvedDataType type = DataTypes.of(column.type());
            schema.column(column.name(), key.contains(column.name()) ? type.notNull() : type);
            if (column.comment() != null && !column.comment().isBlank()) {
                schema.withComment(column.comment());
            }
        }
        if (!key.isEmpty()) {
            schema.primaryKey(key);
        }
        if (table.watermark() != null) {
            WatermarkView watermark = table.watermark();
            // event time: records later than the delay behind the newest one seen are late
            schema.watermark(
                    watermark.column(),
                    "`" + watermark.column().replace("`", "``") + "` - INTERVAL '"
                            + BigDecimal.valueOf(watermark.delayMs(), 3).toPlainString() + "' SECOND");
        }
        return CatalogTable.newBuilder()
                .schema(schema.build())
                .comment(table.description())
                .partitionKeys(table.partitionKeys())
                .options(visibleOptions(database, table))
                .build();
    }

    private static Map<String, String> visibleOptions(DatabaseView database, TableView table) {
        Map<String, String> options = new LinkedHashMap<>();
        if (TOPIC.equals(table.type())) {
            String format = table.format() == null ? "json" : table.format();
            options.put("topic", table.name());
            if (UPSERT.equals(table.topicKind())) {
                options.put("connector", "upsert-kafka");
                options.put("key.format", format);
                options.put("value.format", format);
            } else {
                options.put("connector", "kafka");
                options.put("format", format);
                // a published topic is read from its start unless a query asks otherwise with an OPTIONS hint
                options.put("scan.startup.mode", "earliest-offset");
            }
        } else if (ConnectionOptions.isJdbc(database.dataSourceKind())) {
            options.put("connector", "jdbc");
            options.put("table-name", table.name());
        } else if (ConnectionOptions.REDIS.equals(database.dataSourceKind())) {
            // only looked up, by primary key; where the rows live and the cache are added at planning
            options.put("connector", ConnectionOptions.DIM_CONNECTOR);
            options.put(DimTableOptions.TYPE.key(), ConnectionOptions.REDIS);
            if (table.format() != null) {
                options.put(DimTableOptions.VALUE_FORMAT.key(), table.format());
            }
        } else {
            // read or written, such a table fails at planning with a message that names the kind
            options.put("connector", ConnectionOptions.UNSUPPORTED_PREFIX + database.dataSourceKind());
        }
        return options;
    }
}
