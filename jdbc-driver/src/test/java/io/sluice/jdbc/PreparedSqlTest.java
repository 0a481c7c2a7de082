package io.sluice.jdbc;

import io.sluice.jdbc.PreparedSql.ParameterValue;
import io.sluice.templates.InjectionCorpus;
import io.sluice.templates.ParameterKind;

import org.junit.jupiter.api.Test;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreparedSqlTest {

    private static ParameterValue text(String value) {
        return ParameterValue.of(ParameterKind.STRING, value, Types.VARCHAR, "STRING");
    }

    @Test
    void everyHostileValueIsOneStringLiteral() throws SQLException {
        PreparedSql sql = PreparedSql.parse("SELECT ? AS v");
        int refused = 0;
        for (String value : InjectionCorpus.values()) {
            String bound;
            try {
                bound = sql.bind(List.of(text(value)));
            } catch (SQLDataException e) {
                assertThat(e.getMessage()).startsWith("parameter 1 ").doesNotContain(value.isEmpty() ? "\u0000" : value);
                refused++;
                continue;
            }
            assertThat(bound).isEqualTo("SELECT  '" + value.replace("'", "''").replace("${", "$${") + "'  AS v");
        }
        assertThat(refused).as("values the binder refuses (unpaired surrogates, …)").isLessThan(20);
    }

    @Test
    void questionMarksCountOnlyOutsideLiteralsCommentsAndIdentifiers() throws SQLException {
        PreparedSql sql = PreparedSql.parse("SELECT ?, '?', `a?` /* ? */ FROM t WHERE x = ? -- ?\n");
        assertThat(sql.parameterCount()).isEqualTo(2);
        assertThat(sql.bind(List.of(text("a"), ParameterValue.of(ParameterKind.INTEGER, "5", Types.INTEGER, "INT"))))
                .isEqualTo("SELECT  'a' , '?', `a?` /* ? */ FROM t WHERE x =  5  -- ?\n");
    }

    @Test
    void theStatementsOwnTextStaysAsWrittenAndValuesEscapeTheGatewaysVariables() throws SQLException {
        PreparedSql sql = PreparedSql.parse("SELECT '${x}', ${y}, ? /* ${z} $${w} */");
        assertThat(sql.bind(List.of(text("a ${project} $${b}"))))
                .isEqualTo("SELECT '${x}', ${y},  'a $${project} $$${b}'  /* ${z} $${w} */");
    }

    @Test
    void unsetParametersAndUnclosedLiteralsAreRefused() throws SQLException {
        assertThatThrownBy(() -> PreparedSql.parse("SELECT 'open"))
                .isInstanceOf(java.sql.SQLSyntaxErrorException.class)
                .hasMessageContaining("never closed");
        PreparedSql sql = PreparedSql.parse("SELECT ?");
        assertThatThrownBy(() -> sql.bind(java.util.Arrays.asList((ParameterValue) null)))
                .hasMessageContaining("Parameter 1 is not set");
    }

    @Test
    void valuesWithoutABinderKindAreLiteralsTheDriverWrites() throws SQLException {
        PreparedSql sql = PreparedSql.parse("SELECT ?, ?");
        assertThat(sql.bind(List.of(ParameterValue.literal("CAST(NULL AS INT)", Types.INTEGER, "INT"),
                ParameterValue.cast(ParameterKind.STRING, "10:15:30.000", "CAST(%s AS TIME(3))", Types.TIME,
                        "TIME(3)"))))
                .isEqualTo("SELECT  CAST(NULL AS INT) ,  CAST('10:15:30.000' AS TIME(3)) ");
    }
}
