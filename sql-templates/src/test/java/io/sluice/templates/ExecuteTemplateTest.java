package io.sluice.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecuteTemplateTest {

    @Test
    void readsNameVersionAndValuesWithCommentsCaseAndQuotes() {
        ExecuteTemplate form = ExecuteTemplate.parse("  /* run */ execute -- the form\n Template `top_n` version 3 "
                + "with ( 'n' = '10', 'label'='it''s' /* c */ , 'empty' = '' ) ;").orElseThrow();

        assertThat(form.name()).isEqualTo("top_n");
        assertThat(form.version()).isEqualTo(OptionalInt.of(3));
        assertThat(form.values()).containsExactly(Map.entry("n", "10"), Map.entry("label", "it's"),
                Map.entry("empty", ""));
    }

    @Test
    void versionAndValuesAreOptional() {
        ExecuteTemplate form = ExecuteTemplate.parse("EXECUTE TEMPLATE dedup").orElseThrow();

        assertThat(form.name()).isEqualTo("dedup");
        assertThat(form.version()).isEmpty();
        assertThat(form.values()).isEmpty();
    }

    @Test
    void toStringLeavesTheValuesOut() {
        assertThat(ExecuteTemplate.parse("EXECUTE TEMPLATE t1 WITH ('password' = 'hunter2')").orElseThrow())
                .hasToString("ExecuteTemplate[name=t1, version=OptionalInt.empty, parameters=[password]]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; END",
        "EXECUTE INSERT INTO a SELECT 1",
        "EXECUTE PLAN '/tmp/plan.json'",
        "SELECT 'EXECUTE TEMPLATE x'",
        "-- EXECUTE TEMPLATE x\nSELECT 1",
        "EXECUTE `TEMPLATE` x",
        "SELECT '${Malformed}' FROM t WHERE ${",
        ""
    })
    void otherStatementsAreNotTheForm(String statement) {
        assertThat(ExecuteTemplate.parse(statement)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "EXECUTE TEMPLATE",
        "EXECUTE TEMPLATE Top_N",
        "EXECUTE TEMPLATE 'top_n'",
        "EXECUTE TEMPLATE x",
        "EXECUTE TEMPLATE top_n VERSION",
        "EXECUTE TEMPLATE top_n VERSION 0",
        "EXECUTE TEMPLATE top_n VERSION 1.5",
        "EXECUTE TEMPLATE top_n WITH",
        "EXECUTE TEMPLATE top_n WITH ()",
        "EXECUTE TEMPLATE top_n WITH ('n' = 10)",
        "EXECUTE TEMPLATE top_n WITH (n = '10')",
        "EXECUTE TEMPLATE top_n WITH ('n' = E'10')",
        "EXECUTE TEMPLATE top_n WITH ('n' '10')",
        "EXECUTE TEMPLATE top_n WITH ('n' = '10'",
        "EXECUTE TEMPLATE top_n WITH ('n' = '10',)",
        "EXECUTE TEMPLATE top_n WITH ('n' = '10'); SELECT 1",
        "EXECUTE TEMPLATE top_n WITH ('n' = '10') extra",
        "EXECUTE TEMPLATE top_n WITH ('n' = '10",
    })
    void malformedFormsSayWhatWasWrongAndShowTheForm(String statement) {
        assertThatThrownBy(() -> ExecuteTemplate.parse(statement))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("EXECUTE TEMPLATE");
    }

    @Test
    void aMalformedFormPointsAtTheToken() {
        assertThatThrownBy(() -> ExecuteTemplate.parse("EXECUTE TEMPLATE top_n\nWITH ('n' = 10)"))
                .hasMessage("EXECUTE TEMPLATE: expected the value as a '…' literal at line 2, column 13; the form is "
                        + ExecuteTemplate.FORM);
    }

    @Test
    void aDuplicateParameterIsRefusedNamingIt() {
        assertThatThrownBy(() -> ExecuteTemplate.parse("EXECUTE TEMPLATE t1 WITH ('n' = '1', 'n' = '2')"))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.parameter()).isEqualTo("n"))
                .hasMessageContaining("parameter 'n' is given twice");
    }
}
