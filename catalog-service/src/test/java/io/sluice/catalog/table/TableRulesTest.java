package io.sluice.catalog.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.common.CatalogException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableRulesTest {

    private static NewTable topic(String name, String type) {
        return new NewTable(name, null, "p", TableType.TOPIC, RecordFormat.JSON, 1, null, null, null,
                List.of(new Column("c", type, null)), List.of(), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "a1", "Orders_2024", "a2345678901234567890123456789012345"})
    void acceptsNamesWithinTheRule(String name) {
        assertThat(TableRules.check(topic(name, "INT")).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "1ab", "_ab", "a-b", "a b", "a23456789012345678901234567890123456", "ünï"})
    void refusesNamesOutsideTheRule(String name) {
        assertThatThrownBy(() -> TableRules.check(topic(name, "INT")))
                .isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).field())
                .isEqualTo("name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "int|INT",
        "string|STRING",
        "varchar(10)|VARCHAR(10)",
        "decimal(10,2)|DECIMAL(10, 2)",
        "timestamp(3)|TIMESTAMP(3)",
        "TIMESTAMP_LTZ(3)|TIMESTAMP_LTZ(3)",
        "array<bigint not null>|ARRAY<BIGINT NOT NULL>",
        "map<string, int>|MAP<STRING, INT>",
        "row<a int, b string>|ROW<`a` INT, `b` STRING>"
    })
    void spellsTypesTheWayFlinkDoes(String given, String canonical) {
        assertThat(TableRules.check(topic("ab", given)).columns().get(0).type()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "VARCHAR(x)", "ARRAY<FOO>", "DECIMAL(10,", ""})
    void refusesWhatFlinkCannotParse(String type) {
        assertThatThrownBy(() -> TableRules.check(topic("ab", type)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("type")
                .extracting(e -> ((CatalogException) e).field())
                .isEqualTo("columns[0].type");
    }

    @org.junit.jupiter.api.Test
    void upsertNeedsAKeyAndAppendDefaults() {
        NewTable upsert = new NewTable("ab", null, "p", TableType.TOPIC, RecordFormat.JSON, 1, null, TopicKind.UPSERT, null,
                List.of(new Column("c", "INT", null)), List.of(), null);
        assertThatThrownBy(() -> TableRules.check(upsert)).hasMessageContaining("upsert topic needs a primary key");
        assertThat(TableRules.check(topic("ab", "INT")).topicKind()).isEqualTo(TopicKind.APPEND);
    }

    private static NewTable withFormat(TableType type, RecordFormat format) {
        return new NewTable("ab", null, "p", type, format, type == TableType.TOPIC ? 1 : null, null, null, null,
                List.of(new Column("c", "INT", null)), List.of(), null);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"TOPIC,JSON", "TOPIC,CSV", "TABLE,-", "TABLE,JSON", "TABLE,HASH"})
    void acceptsTheFormatsOfEachKindOfTable(TableType type, RecordFormat format) {
        assertThat(TableRules.check(withFormat(type, format)).format()).isEqualTo(format);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "TOPIC,-,a topic needs a format: json or csv",
        "TOPIC,HASH,hash is for Redis tables",
        "TABLE,CSV,a table's format is json or hash"})
    void refusesAFormatThatDoesNotFitTheKindOfTable(TableType type, RecordFormat format, String reason) {
        assertThatThrownBy(() -> TableRules.check(withFormat(type, format)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((CatalogException) e).field())
                .isEqualTo("format");
    }

    private static NewTable withWatermark(TableType type, String timeType, Watermark watermark) {
        return new NewTable("ab", null, "p", type, type == TableType.TOPIC ? RecordFormat.JSON : null,
                type == TableType.TOPIC ? 1 : null, null, null, null,
                List.of(new Column("id", "BIGINT", null), new Column("ts", timeType, null)), List.of(), watermark);
    }

    @ParameterizedTest
    @CsvSource({"TIMESTAMP(3),", "timestamp_ltz(3),0", "TIMESTAMP(0),250", "TIMESTAMP_LTZ(2),60000"})
    void aTopicsEventTimeIsATimestampColumnWithADelay(String timeType, Long delayMs) {
        Watermark checked = TableRules.check(withWatermark(TableType.TOPIC, timeType, new Watermark("ts", delayMs))).watermark();
        assertThat(checked).isEqualTo(new Watermark("ts", delayMs == null ? 0 : delayMs));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "TOPIC|TIMESTAMP(3)|nope|0|watermark.column|'nope' is not one of the columns",
        "TOPIC|TIMESTAMP(3)|-|0|watermark.column|watermark.column is required",
        "TOPIC|BIGINT|ts|0|watermark.column|event time needs TIMESTAMP(p) or TIMESTAMP_LTZ(p)",
        "TOPIC|STRING|ts|0|watermark.column|is STRING",
        "TOPIC|TIMESTAMP(6)|ts|0|watermark.column|with p from 0 to 3",
        "TOPIC|TIMESTAMP(3)|ts|-1|watermark.delayMs|must be 0 or more",
        "TABLE|TIMESTAMP(3)|ts|0|watermark|applies to topics only"})
    void refusesAnEventTimeThatFlinkCouldNotUse(
            TableType type, String timeType, String column, Long delayMs, String field, String reason) {
        assertThatThrownBy(() -> TableRules.check(withWatermark(type, timeType, new Watermark(column, delayMs))))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((CatalogException) e).field())
                .isEqualTo(field);
    }
}
