package io.sluice.templates.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.templates.BoundStatement;
import io.sluice.templates.MapCatalog;
import io.sluice.templates.Parameter;
import io.sluice.templates.ParameterKind;
import io.sluice.templates.ParameterType;
import io.sluice.templates.Template;
import io.sluice.templates.TemplateBinder;
import io.sluice.templates.TemplateException;
import io.sluice.templates.Variable;
import io.sluice.templates.Variables;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StructureCheckTest {

    private static final MapCatalog CATALOG = MapCatalog.of("cat.db.orders", "id", "amount", "ts");

    private static Parameter param(String name, ParameterKind kind) {
        return new Parameter(name, ParameterType.of(kind), null, null);
    }

    private static Template template(String sql, Parameter... parameters) {
        return new Template("t1", 1, null, sql, List.of(parameters));
    }

    private static BoundStatement statement(String sql, String probe) {
        return new BoundStatement(sql, sql, probe, Set.of(), Map.of());
    }

    private static final Template EVERY_KIND = template("""
            SELECT ${col}, ${s}, ${i}, ${d}, ${b}, ${dt}, ${ts}, ${iv}, ${e}, '${s} and ${i}'
            FROM ${src} /*+ OPTIONS('scan.startup.mode' = '${e}') */
            WHERE ${col} IN (${ids}) AND ts > ${ts} - ${iv} AND name LIKE '%${s}%'
            LIMIT ${i}""",
            param("src", ParameterKind.TABLE),
            new Parameter("col", new ParameterType(ParameterKind.COLUMN, false, List.of(), "src"), null, null),
            param("s", ParameterKind.STRING), param("i", ParameterKind.INTEGER), param("d", ParameterKind.DECIMAL),
            param("b", ParameterKind.BOOLEAN), param("dt", ParameterKind.DATE), param("ts", ParameterKind.TIMESTAMP),
            param("iv", ParameterKind.INTERVAL),
            new Parameter("e", new ParameterType(ParameterKind.ENUM, false, List.of("earliest-offset", "latest-offset"),
                    null), "latest-offset", null),
            new Parameter("ids", ParameterType.listOf(ParameterKind.INTEGER), "[1, 2, 3]", null));

    @Test
    void aTemplateWithEveryKindBindsToTheStructureOfItsProbe() {
        BoundStatement bound = TemplateBinder.bind(EVERY_KIND, Map.of("src", "orders", "col", "amount",
                "s", "it's -- /* ; */", "i", "7", "d", "-0.25", "b", "false", "dt", "2026-12-02",
                "ts", "2026-12-02T10:15:30", "iv", "P2DT3H"), Variables.none(), CATALOG);

        assertThatCode(() -> StructureCheck.check(bound)).doesNotThrowAnyException();
        assertThatCode(() -> StructureCheck.validate(EVERY_KIND)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM t WHERE a = 'x'; DROP TABLE t           | SELECT * FROM t WHERE a = 'probe'",
        "SELECT * FROM t WHERE a = 'x' UNION SELECT * FROM u   | SELECT * FROM t WHERE a = 'probe'",
        "SELECT * FROM t, u WHERE a = 'x'                      | SELECT * FROM t WHERE a = 'probe'",
        "SELECT * FROM t WHERE a = 'x' OR 1 = 1                | SELECT * FROM t WHERE a = 'probe'",
        "SELECT * FROM t WHERE a = b                           | SELECT * FROM t WHERE a = 'probe'",
        "SELECT * FROM t WHERE a = 1                           | SELECT * FROM t WHERE a = 'probe'",
        "SELECT * FROM t WHERE a = 'x' --'                     | SELECT * FROM t WHERE a = 'probe' AND b = 'probe'",
        "DELETE FROM t WHERE a = 'x'                           | SELECT * FROM t WHERE a = 'probe'",
        "SELECT DISTINCT * FROM t WHERE a = 'x'                | SELECT * FROM t WHERE a = 'probe'",
        "SELECT * FROM t WHERE a = 'x' + '1                    | SELECT * FROM t WHERE a = 'probe'",
        "SELECT 1; SELECT 2                                    | SELECT 1; SELECT 2",
    })
    void aStatementWhoseStructureDiffersFromItsProbeIsRefused(String sql, String probe) {
        assertThatThrownBy(() -> StructureCheck.check(statement(sql, probe)))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.parameter()).isNull())
                .hasMessageStartingWith(probe.contains(";") ? "a template is exactly one statement"
                        : "a value changed the statement's structure");
    }

    @Test
    void literalValuesAndTheirFormsAsideTheSameStructurePasses() {
        assertThatCode(() -> StructureCheck.check(statement(
                "SELECT * FROM t WHERE a = 'it''s \u4e2d' AND b = -5 AND c = FALSE AND d IN (1.5, 2)",
                "SELECT * FROM t WHERE a = 'probe' AND b = -1 AND c = TRUE AND d IN (1, 1)")))
                .doesNotThrowAnyException();
    }

    @Test
    void theBoundStatementsParseErrorIsNotShownForItCanHoldASecret() {
        Variables secret = Variables.of(List.of(new Variable("pw", ParameterKind.STRING, "hunter2", true)));
        BoundStatement bound = TemplateBinder.bindVariables("SELECT ${pw} FROM t", secret);
        BoundStatement broken = new BoundStatement("SELECT 'hunter2' FROM FROM", bound.display(), bound.probeSql(),
                bound.secretValues(), Map.of());

        assertThatThrownBy(() -> StructureCheck.check(broken)).message().doesNotContain("hunter2");
    }

    @Test
    void validateBindsSamplesWithoutCatalogs() {
        Template template = template("INSERT INTO ${sink} SELECT ${cols} FROM ${src} WHERE ${key} IS NOT NULL",
                param("sink", ParameterKind.TABLE), new Parameter("src", ParameterType.of(ParameterKind.TABLE),
                        "db.orders", null),
                new Parameter("cols", new ParameterType(ParameterKind.COLUMN, true, List.of(), "src"), null, null),
                new Parameter("key", new ParameterType(ParameterKind.COLUMN, false, List.of(), "src"), "`id`", null));

        assertThatCode(() -> StructureCheck.validate(template)).doesNotThrowAnyException();
        assertThat(TemplateBinder.bindSamples(template, Variables.none()).sql()).isEqualTo(
                "INSERT INTO `sluice_sample`.`sluice_sample`.`sink` SELECT `cols` FROM `sluice_sample`.`db`.`orders` "
                        + "WHERE `id` IS NOT NULL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT ${n}; SELECT 2         | n      | a template is exactly one statement; this one has 2",
        "SELECT ${n} FROM              | n      | the statement is not Flink SQL: ",
        "SELECT 1                      | n      | parameter 'n' is declared but ${n} appears nowhere",
        "SELECT ${n}, ${region}        | n      | variable 'region' is not defined",
        "SELECT `${n}`                 | n      | inside a backtick-quoted identifier",
        "SELECT U&'${n}'               | n      | inside a U&'…' literal",
        "SELECT '${n}' -- ${n}         | none   | ",
        "SELECT ${n}, ${current_date}, ${environment}  | n | ",
    })
    void validateChecksPlaceholdersContextsAndThatItIsOneStatement(String sql, String parameter, String message) {
        Template template = template(sql, param("n", ParameterKind.INTEGER));
        if (message == null) {
            assertThatCode(() -> StructureCheck.validate(template)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> StructureCheck.validate(template)).isInstanceOf(TemplateException.class)
                    .hasMessageContaining(message);
        }
    }

    @Test
    void validateChecksDefaultsAndDeclarations() {
        assertThatThrownBy(() -> StructureCheck.validate(template("SELECT ${n}",
                new Parameter("n", ParameterType.of(ParameterKind.INTEGER), "ten", null))))
                .hasMessage("parameter 'n' must be an integer (a whole number such as 10); got a value that is not");
        assertThatThrownBy(() -> StructureCheck.validate(template("SELECT ${c}",
                new Parameter("c", ParameterType.of(ParameterKind.COLUMN), null, null))))
                .hasMessageContaining("parameter 'c' is a COLUMN without a table");
        assertThatThrownBy(() -> StructureCheck.validate(template("SELECT ${e}",
                new Parameter("e", ParameterType.of(ParameterKind.ENUM), null, null))))
                .hasMessageContaining("parameter 'e' is an ENUM without values");
        assertThatThrownBy(() -> StructureCheck.validate(template("SELECT ${n}", param("n", ParameterKind.INTEGER),
                param("n", ParameterKind.STRING)))).hasMessageContaining("parameter 'n' is declared twice");
        assertThatThrownBy(() -> StructureCheck.validate(template("SELECT ${N}", param("N", ParameterKind.INTEGER))))
                .hasMessageContaining("a parameter name must be lower-case");
    }

    @Test
    void validateTakesTheProjectsVariablesByKind() {
        Template template = template("SELECT * FROM t LIMIT ${max_rows}");
        Variables project = Variables.of(List.of(new Variable("max_rows", ParameterKind.INTEGER, "100", true)));

        assertThatThrownBy(() -> StructureCheck.validate(template)).hasMessageContaining("variable 'max_rows' is not defined");
        assertThatCode(() -> StructureCheck.validate(template, project)).doesNotThrowAnyException();
    }
}
