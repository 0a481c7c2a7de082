package io.sluice.catalog.hive;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.common.Environment;
import io.sluice.catalog.table.Column;
import io.sluice.hive.HiveColumn;
import io.sluice.hive.HiveTable;
import io.sluice.hive.StorageFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping of a Hive table and the re-sync difference, called directly. */
class HiveSchemaDiffTest {

    private static final HiveImport ORIGIN = new HiveImport(1, 2, Environment.TEST, "sales", "orders", "alice", null, null);

    @Test
    void columnsAreMatchedByNameAndEveryKindOfChangeIsReported() {
        HiveSchemaDiff.Side before = new HiveSchemaDiff.Side(
                List.of(new Column("id", "BIGINT", null), new Column("name", "STRING", "who"), new Column("old", "INT", null),
                        new Column("dt", "STRING", null)),
                List.of("dt"), Map.of("hive.location", "/a", "hive.storage-format", "orc"));
        HiveSchemaDiff.Side after = new HiveSchemaDiff.Side(
                List.of(new Column("id", "BIGINT", null), new Column("name", "VARCHAR(10)", "who"), new Column("email", "STRING", null),
                        new Column("dt", "STRING", null), new Column("hr", "INT", null)),
                List.of("dt", "hr"), Map.of("hive.location", "/b", "hive.storage-format", "orc"));

        HiveSync sync = HiveSchemaDiff.between(ORIGIN, "orders", "warehouse", 3, before, after, List.of());

        assertThat(sync.addedColumns()).extracting(Column::name).containsExactly("email", "hr");
        assertThat(sync.droppedColumns()).extracting(Column::name).containsExactly("old");
        assertThat(sync.changedColumns()).containsExactly(new HiveSync.ColumnChange("name", "STRING", "VARCHAR(10)", "who", "who"));
        assertThat(sync.partitionKeysChanged()).isTrue();
        assertThat(sync.changedProperties()).containsOnlyKeys("hive.location");
        assertThat(sync.changed()).isTrue();
        assertThat(sync.hiveTable()).isEqualTo("sales.orders");
    }

    @Test
    void theSameTableIsNoChangeAndADroppedOneIsOnlyReported() {
        HiveSchemaDiff.Side side = new HiveSchemaDiff.Side(List.of(new Column("id", "BIGINT", null)), List.of(), Map.of());
        assertThat(HiveSchemaDiff.between(ORIGIN, "orders", "warehouse", 1, side, side, List.of()).changed()).isFalse();
        HiveSync dropped = HiveSchemaDiff.dropped(ORIGIN, "orders", "warehouse", 1, List.of("dt"));
        assertThat(dropped.droppedInHive()).isTrue();
        assertThat(dropped.changed()).as("nothing to apply").isFalse();
    }

    @Test
    void partitionColumnsFollowDataColumnsAndViewsAndUnionsAreRefused() {
        HiveTable events = new HiveTable("sales", "events", "EXTERNAL_TABLE", "c".repeat(5000),
                List.of(new HiveColumn("id", "bigint", "x".repeat(5000))), List.of(new HiveColumn("dt", "string", null)),
                "/w", new StorageFormat("org.apache.hadoop.hive.ql.io.orc.OrcInputFormat", null, null));
        HiveTableMapping.Mapped mapped = HiveTableMapping.map(events);
        assertThat(mapped.columns()).extracting(Column::name).containsExactly("id", "dt");
        assertThat(mapped.partitionKeys()).containsExactly("dt");
        assertThat(mapped.columns().get(0).comment()).hasSize(HiveTableMapping.MAX_COMMENT);
        assertThat(HiveTableMapping.comment(events.comment())).hasSize(HiveTableMapping.MAX_COMMENT);

        HiveTable view = new HiveTable("sales", "v", "VIRTUAL_VIEW", null,
                List.of(new HiveColumn("u", "uniontype<int,string>", null)), List.of(), null, null);
        assertThat(HiveTableMapping.map(view).problems()).hasSize(2).anySatisfy(p -> assertThat(p).contains("is a Hive view"))
                .anySatisfy(p -> assertThat(p).contains("column 'u' has Hive type uniontype<int,string>"));
    }
}
