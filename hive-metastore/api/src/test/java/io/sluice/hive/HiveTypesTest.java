package io.sluice.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HiveTypesTest {

    @Test
    void everyPrimitiveHasItsFlinkType() {
        assertThat(HiveTypes.toFlink("tinyint")).isEqualTo("TINYINT");
        assertThat(HiveTypes.toFlink("smallint")).isEqualTo("SMALLINT");
        assertThat(HiveTypes.toFlink("int")).isEqualTo("INT");
        assertThat(HiveTypes.toFlink("INTEGER")).isEqualTo("INT");
        assertThat(HiveTypes.toFlink("bigint")).isEqualTo("BIGINT");
        assertThat(HiveTypes.toFlink("float")).isEqualTo("FLOAT");
        assertThat(HiveTypes.toFlink("double")).isEqualTo("DOUBLE");
        assertThat(HiveTypes.toFlink("double precision")).isEqualTo("DOUBLE");
        assertThat(HiveTypes.toFlink("boolean")).isEqualTo("BOOLEAN");
        assertThat(HiveTypes.toFlink("string")).isEqualTo("STRING");
        assertThat(HiveTypes.toFlink("binary")).isEqualTo("BYTES");
        assertThat(HiveTypes.toFlink("date")).isEqualTo("DATE");
        assertThat(HiveTypes.toFlink("timestamp")).isEqualTo("TIMESTAMP(9)");
        assertThat(HiveTypes.toFlink("timestamp with local time zone")).isEqualTo("TIMESTAMP_LTZ(9)");
    }

    @Test
    void lengthsPrecisionAndScaleAreKept() {
        assertThat(HiveTypes.toFlink("decimal")).isEqualTo("DECIMAL(10, 0)");
        assertThat(HiveTypes.toFlink("decimal(12)")).isEqualTo("DECIMAL(12, 0)");
        assertThat(HiveTypes.toFlink("decimal(38,18)")).isEqualTo("DECIMAL(38, 18)");
        assertThat(HiveTypes.toFlink("char(7)")).isEqualTo("CHAR(7)");
        assertThat(HiveTypes.toFlink("varchar( 200 )")).isEqualTo("VARCHAR(200)");
    }

    @Test
    void nestedTypesMapToAnyDepth() {
        assertThat(HiveTypes.toFlink("array<decimal(5,2)>")).isEqualTo("ARRAY<DECIMAL(5, 2)>");
        assertThat(HiveTypes.toFlink("map<string,array<int>>")).isEqualTo("MAP<STRING, ARRAY<INT>>");
        assertThat(HiveTypes.toFlink("struct<a:int,`b c`:map<string,struct<x:varchar(3)>>>"))
                .isEqualTo("ROW<`a` INT, `b c` MAP<STRING, ROW<`x` VARCHAR(3)>>>");
    }

    @Test
    void typesFlinkCannotHoldAreRefusedNamingThePart() {
        assertThatThrownBy(() -> HiveTypes.toFlink("uniontype<int,string>")).hasMessageContaining("uniontype").hasMessageContaining("no union type");
        assertThatThrownBy(() -> HiveTypes.toFlink("array<interval_day_time>")).hasMessageContaining("interval_day_time");
        assertThatThrownBy(() -> HiveTypes.toFlink("decimal(40,2)")).hasMessageContaining("precision must be 1 to 38");
        assertThatThrownBy(() -> HiveTypes.toFlink("varchar")).hasMessageContaining("varchar needs one length");
        assertThatThrownBy(() -> HiveTypes.toFlink("geometry")).hasMessageContaining("'geometry' is not a Hive type");
        assertThatThrownBy(() -> HiveTypes.toFlink("map<string>")).hasMessageContaining("cannot read the type");
        assertThatThrownBy(() -> HiveTypes.toFlink("int extra")).hasMessageContaining("character 5");
    }

    @Test
    void hostileNestingIsBounded() {
        String deep = "array<".repeat(10_000) + "int" + ">".repeat(10_000);
        assertThatThrownBy(() -> HiveTypes.toFlink(deep)).isInstanceOf(UnsupportedHiveType.class).hasMessageContaining("deeper than 64");
    }
}
