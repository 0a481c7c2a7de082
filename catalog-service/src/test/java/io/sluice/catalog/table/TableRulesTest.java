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
                List.of(new Column("c", type, null)), List.of());
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
                List.of(new Column("c", "INT", null)), List.of());
        assertThatThrownBy(() -> TableRules.check(upsert)).hasMessageContaining("upsert topic needs a primary key");
        assertThat(TableRules.check(topic("ab", "INT")).topicKind()).isEqualTo(TopicKind.APPEND);
    }

    private static NewTable withFormat(TableType type, RecordFormat format) {
        return new NewTable("ab", null, "p", type, format, type == TableType.TOPIC ? 1 : null, null, null, null,
                List.of(new Column("c", "INT", null)), List.of());
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
}
