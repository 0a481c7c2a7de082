package io.sluice.templates.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.templates.BoundStatement;
import io.sluice.templates.MapCatalog;
import io.sluice.templates.Parameter;
import io.sluice.templates.ParameterKind;
import io.sluice.templates.ParameterType;
import io.sluice.templates.Template;
import io.sluice.templates.TemplateBinder;
import io.sluice.templates.Variables;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The literals the binder writes are ones Flink's planner takes, at the edges of each kind's range. */
class FlinkPlannerTest {

    private static final TableEnvironment FLINK = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

    private static final Template EXPRESSIONS = new Template("t1", 1, null, """
            SELECT ${i}, ${d}, ${b}, ${dt}, ${ts}, ts - ${iv}, ${s}, '${s}', ${ls}
            FROM (VALUES (TIMESTAMP '2026-01-01 00:00:00')) AS v(ts)
            WHERE ts > ${ts} - ${iv}""",
            List.of(param("i", ParameterKind.INTEGER), param("d", ParameterKind.DECIMAL),
                    param("b", ParameterKind.BOOLEAN), param("dt", ParameterKind.DATE),
                    param("ts", ParameterKind.TIMESTAMP), param("iv", ParameterKind.INTERVAL),
                    param("s", ParameterKind.STRING),
                    new Parameter("ls", ParameterType.listOf(ParameterKind.STRING), "[\"a\", \"b\"]", null)));

    private static Parameter param(String name, ParameterKind kind) {
        return new Parameter(name, ParameterType.of(kind), null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "9223372036854775807  | 123456789.123456789  | true  | 9999-12-31 | 9999-12-31 23:59:59.999 | P999DT23H59M59.999S | it's",
        "-9223372036854775808 | -0.000000000000000001 | FALSE | 0001-01-01 | 0001-01-01T00:00:00     | 0 ms                | \u4e2d\u6587\uD83D\uDE00",
        "0                    | 0                    | false | 2026-12-02 | 2026-12-02 10:15:30.5   | 5 min               | ''--/*",
    })
    void thePlannerTakesEveryKindsLiteral(String i, String d, String b, String dt, String ts, String iv, String s) {
        BoundStatement bound = TemplateBinder.bind(EXPRESSIONS,
                Map.of("i", i, "d", d, "b", b, "dt", dt, "ts", ts, "iv", iv, "s", s), Variables.none(),
                MapCatalog.of("cat.db.unused"));

        StructureCheck.check(bound);
        assertThat(FLINK.explainSql(bound.sql())).contains("== Optimized Physical Plan ==");
    }
}
