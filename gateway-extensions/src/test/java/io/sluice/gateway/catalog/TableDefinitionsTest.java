package io.sluice.gateway.catalog;

import io.sluice.contract.ColumnView;
import io.sluice.contract.DatabaseView;
import io.sluice.contract.TableView;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalog view whose key column is nullable (what catalog-service sent before it made key columns NOT NULL)
 * still gives a Flink table that resolves: its key column is NOT NULL, as Flink's DDL makes it.
 */
class TableDefinitionsTest {

    @Test
    void aNullableKeyColumnFromTheCatalogBecomesNotNull() throws Exception {
        TableView view =
                new TableView(
                        "payments", "payments", "demo", TableDefinitions.TOPIC, TableDefinitions.UPSERT, "json", 1, 24L,
                        null, 1,
                        List.of(new ColumnView("id", "BIGINT", "payment number"), new ColumnView("amount", "DECIMAL(10, 2)", null)),
                        List.of("id"),
                        null,
                        List.of());
        DatabaseView database = new DatabaseView("demo_kafka", "kafka", List.of(view));
        GenericInMemoryCatalog catalog = new GenericInMemoryCatalog("test", "demo_kafka");
        catalog.createTable(new ObjectPath("demo_kafka", "payments"), TableDefinitions.toFlinkTable(database, view), false);
        TableEnvironment flink = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        flink.registerCatalog("test", catalog);

        assertThat(String.join("\n", rows(flink, "SHOW CREATE TABLE test.demo_kafka.payments")))
                .contains("`id` BIGINT NOT NULL COMMENT 'payment number'", "`amount` DECIMAL(10, 2),", "PRIMARY KEY (`id`) NOT ENFORCED");
        assertThat(rows(flink, "DESCRIBE test.demo_kafka.payments"))
                .containsExactly("id,BIGINT,false,PRI(id),null,null,payment number", "amount,DECIMAL(10, 2),true,null,null,null,null");
    }

    @Test
    void aHiveTableShowsItsSchemaAndPartitionsAndSaysWhyItCannotBeRead() throws Exception {
        TableView view =
                new TableView(
                        "hive_orders", "hive_orders", "demo", "table", null, null, null, null, "orders from Hive", 1,
                        List.of(new ColumnView("id", "BIGINT", "order number"),
                                new ColumnView("lines", "ARRAY<ROW<`sku` VARCHAR(20), `price` DECIMAL(10, 2)>>", null),
                                new ColumnView("at", "TIMESTAMP(9)", null),
                                new ColumnView("dt", "STRING", null)),
                        List.of(),
                        null,
                        List.of("dt"));
        DatabaseView database = new DatabaseView("warehouse", "hive", List.of(view));
        GenericInMemoryCatalog catalog = new GenericInMemoryCatalog("test", "warehouse");
        catalog.createTable(new ObjectPath("warehouse", "hive_orders"), TableDefinitions.toFlinkTable(database, view), false);
        TableEnvironment flink = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        flink.registerCatalog("test", catalog);

        assertThat(rows(flink, "DESCRIBE test.warehouse.hive_orders")).containsExactly(
                "id,BIGINT,true,null,null,null,order number",
                "lines,ARRAY<ROW<`sku` VARCHAR(20), `price` DECIMAL(10, 2)>>,true,null,null,null,null",
                "at,TIMESTAMP(9),true,null,null,null,null",
                "dt,STRING,true,null,null,null,null");
        assertThat(String.join("\n", rows(flink, "SHOW CREATE TABLE test.warehouse.hive_orders")))
                .contains("PARTITIONED BY (`dt`)", "'connector' = 'sluice-unsupported-hive'");
        assertThat(ConnectionOptions.unsupported(
                        org.apache.flink.table.catalog.ObjectIdentifier.of("test", "warehouse", "hive_orders"), "hive"))
                .contains("test.warehouse.hive_orders is a Hive table", "no release for Flink 2.x on Maven Central");
    }

    private static List<String> rows(TableEnvironment flink, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> result = flink.executeSql(sql).collect()) {
            result.forEachRemaining(row -> {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < row.getArity(); i++) {
                    fields.add(String.valueOf(row.getField(i)));
                }
                rows.add(String.join(",", fields));
            });
        }
        return rows;
    }
}
