package io.sluice.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Types;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnTypeTest {

    @Test
    void readsDescribesTypeStrings() {
        ColumnType decimal = ColumnType.fromTypeString("DECIMAL(10, 2) NOT NULL");
        assertThat(decimal.jdbcType()).isEqualTo(Types.DECIMAL);
        assertThat(decimal.columnSize()).isEqualTo(10);
        assertThat(decimal.decimalDigits()).isEqualTo(2);
        assertThat(decimal.nullable).isFalse();
        assertThat(ColumnType.fromTypeString("STRING").typeName).isEqualTo("VARCHAR(2147483647)");
        assertThat(ColumnType.fromTypeString("STRING").columnSize()).isEqualTo(Integer.MAX_VALUE);
        ColumnType rowtime = ColumnType.fromTypeString("TIMESTAMP(3) *ROWTIME*");
        assertThat(rowtime.jdbcType()).isEqualTo(Types.TIMESTAMP);
        assertThat(rowtime.decimalDigits()).isEqualTo(3);
        assertThat(ColumnType.fromTypeString("TIMESTAMP(3) WITH LOCAL TIME ZONE").jdbcType())
                .isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
        assertThat(ColumnType.fromTypeString("ARRAY<INT NOT NULL>").jdbcType()).isEqualTo(Types.ARRAY);
        assertThat(ColumnType.fromTypeString("INT").jdbcType()).isEqualTo(Types.INTEGER);
        assertThat(ColumnType.fromTypeString("INTERVAL DAY(2) TO SECOND(3)").jdbcType()).isEqualTo(Types.OTHER);
    }

    @Test
    void readsTheGatewaysJsonTypes() {
        ColumnType varchar = ColumnType.fromJson(Map.of("type", "VARCHAR", "nullable", true, "length", 20));
        assertThat(varchar.typeName).isEqualTo("VARCHAR(20)");
        assertThat(varchar.columnSize()).isEqualTo(20);
        assertThat(ColumnType.fromJson(Map.of("type", "INTEGER", "nullable", false)).nullable).isFalse();
        assertThat(ColumnType.fromJson(Map.of("type", "SOMETHING_NEW")).jdbcType()).isEqualTo(Types.OTHER);
    }
}
