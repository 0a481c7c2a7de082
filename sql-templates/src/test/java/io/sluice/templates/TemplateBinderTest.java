package io.sluice.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateBinderTest {

    private static final MapCatalog CATALOG = new MapCatalog(Map.of(
            List.of("cat", "db", "orders"), List.of("id", "amount", "my col"),
            List.of("cat", "db", "we`ird"), List.of("x")));

    private static Template template(String sql, Parameter... parameters) {
        return new Template("t1", 1, "a test template", sql, List.of(parameters));
    }

    private static Parameter param(String name, ParameterKind kind) {
        return new Parameter(name, ParameterType.of(kind), null, null);
    }

    private static BoundStatement bind(String sql, Parameter parameter, String value) {
        return TemplateBinder.bind(template(sql, parameter), Map.of(parameter.name(), value), Variables.none(), CATALOG);
    }

    private static void assertRefused(ThrowingCallable call, String parameter, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "STRING    | it's                | 'it''s'                                   | it''s",
        "STRING    | ''                  | ''''''                                    | ''''",
        "INTEGER   | -42                 | -42                                       | -42",
        "INTEGER   | 9223372036854775807 | 9223372036854775807                       | 9223372036854775807",
        "DECIMAL   | -12.50              | -12.50                                    | -12.50",
        "BOOLEAN   | True                | TRUE                                      | true",
        "DATE      | 2026-12-02          | DATE '2026-12-02'                         | 2026-12-02",
        "TIMESTAMP | 2026-12-02 10:15:30 | TIMESTAMP '2026-12-02 10:15:30.000'       | 2026-12-02 10:15:30.000",
        "TIMESTAMP | 2026-12-02T10:15:30.25 | TIMESTAMP '2026-12-02 10:15:30.250'    | 2026-12-02 10:15:30.250",
        "INTERVAL  | PT5M                | INTERVAL '0 00:05:00.000' DAY(6) TO SECOND(3) | 300000 ms",
        "INTERVAL  | 10 s                | INTERVAL '0 00:00:10.000' DAY(6) TO SECOND(3) | 10000 ms",
        "INTERVAL  | 500 ms              | INTERVAL '0 00:00:00.500' DAY(6) TO SECOND(3) | 500 ms",
        "INTERVAL  | 2 days              | INTERVAL '2 00:00:00.000' DAY(6) TO SECOND(3) | 172800000 ms",
        "INTERVAL  | P1DT2H3M4.005S      | INTERVAL '1 02:03:04.005' DAY(6) TO SECOND(3) | 93784005 ms",
    })
    void everyValueKindBindsAsItsLiteralOutsideQuotesAndAsTextInsideThem(
            ParameterKind kind, String value, String code, String text) {
        String sql = bind("SELECT ${v}, 'is ${v}' FROM t", param("v", kind), value).sql();

        assertThat(sql).isEqualTo("SELECT " + code + ", 'is " + text + "' FROM t");
    }

    @Test
    void anEnumTakesOnlyItsValues() {
        Parameter mode = new Parameter("mode", new ParameterType(ParameterKind.ENUM, false, List.of("append", "upsert"),
                null), null, null);

        assertThat(bind("SELECT ${mode}", mode, "upsert").sql()).isEqualTo("SELECT 'upsert'");
        assertRefused(() -> bind("SELECT ${mode}", mode, "UPSERT"), "mode",
                "parameter 'mode' must be one of append, upsert; got a value that is not");
    }

    @Test
    void aTableBindsFullyQualifiedAndQuotedWhateverPartsTheValueHas() {
        Parameter table = param("src", ParameterKind.TABLE);

        assertThat(bind("SELECT * FROM ${src}", table, "orders").sql()).isEqualTo("SELECT * FROM `cat`.`db`.`orders`");
        assertThat(bind("SELECT * FROM ${src}", table, "db.`orders`").sql()).isEqualTo("SELECT * FROM `cat`.`db`.`orders`");
        assertThat(bind("SELECT * FROM ${src}", table, "`we``ird`").sql()).isEqualTo("SELECT * FROM `cat`.`db`.`we``ird`");
        assertThat(bind("SELECT * FROM ${src}", table, "cat.db.orders").tables())
                .isEqualTo(Map.of("src", List.of(List.of("cat", "db", "orders"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"orders; DROP TABLE x", "a.b.c.d", "`orders", "orders.", "1orders", "or ders", "''"})
    void aTableValueThatIsNoNameIsRefused(String value) {
        assertRefused(() -> bind("SELECT * FROM ${src}", param("src", ParameterKind.TABLE), value), "src",
                "parameter 'src' must be a table name");
    }

    @Test
    void anUnknownTableIsRefusedByTheResolverNamingTheParameter() {
        assertRefused(() -> bind("SELECT * FROM ${src}", param("src", ParameterKind.TABLE), "secret_table"), "src",
                "parameter 'src' names a table that does not exist or that you may not use");
    }

    @Test
    void aColumnMustBeOneOfItsTablesColumns() {
        Parameter src = param("src", ParameterKind.TABLE);
        Parameter col = new Parameter("col", new ParameterType(ParameterKind.COLUMN, false, List.of(), "src"), null, null);
        Parameter cols = new Parameter("cols", new ParameterType(ParameterKind.COLUMN, true, List.of(), "db.orders"),
                null, null);
        Template template = template("SELECT ${cols} FROM ${src} WHERE ${col} > 0", src, col, cols);

        BoundStatement bound = TemplateBinder.bind(template,
                Map.of("src", "orders", "col", "amount", "cols", "[\"id\", \"`my col`\"]"), Variables.none(), CATALOG);

        assertThat(bound.sql()).isEqualTo("SELECT `id`, `my col` FROM `cat`.`db`.`orders` WHERE `amount` > 0");
        assertRefused(() -> TemplateBinder.bind(template,
                        Map.of("src", "orders", "col", "nope", "cols", "[\"id\"]"), Variables.none(), CATALOG),
                "col", "parameter 'col' must be a column of `cat`.`db`.`orders`; got a value that is not");
    }

    @Test
    void listsBindAsCommaSeparatedLiterals() {
        assertThat(bind("SELECT * FROM t WHERE x IN (${v})", new Parameter("v", ParameterType.listOf(ParameterKind.STRING),
                null, null), "[\"a\", \"it's\", \"\\u0027\"]").sql()).isEqualTo("SELECT * FROM t WHERE x IN ('a', 'it''s', '''')");
        assertThat(bind("SELECT * FROM t WHERE x IN (${v})", new Parameter("v", ParameterType.listOf(ParameterKind.INTEGER),
                null, null), " [1, -2 ,3] ").sql()).isEqualTo("SELECT * FROM t WHERE x IN (1, -2, 3)");
        assertThat(bind("SELECT ${v}", new Parameter("v", ParameterType.listOf(ParameterKind.DATE), null, null),
                "[\"2026-01-01\"]").sql()).isEqualTo("SELECT DATE '2026-01-01'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]                 | must not be an empty list",
        "[1, [2]]           | must be a list written as a JSON array",
        "[null]             | must be a list written as a JSON array",
        "[1,]               | must be a list written as a JSON array",
        "[1] x              | must be a list written as a JSON array",
        "1                  | must be a list written as a JSON array",
        "[\"a]              | must be a list written as a JSON array",
        "[1.5]              | must be an integer",
    })
    void aMalformedListIsRefused(String value, String message) {
        assertRefused(() -> bind("SELECT ${v}", new Parameter("v", ParameterType.listOf(ParameterKind.INTEGER), null,
                null), value), "v", "parameter 'v' " + message);
    }

    @Test
    void aListIsBoundedInLength() {
        String tooMany = "[" + "1,".repeat(JsonArray.MAX_ELEMENTS) + "1]";
        assertRefused(() -> bind("SELECT ${v}", new Parameter("v", ParameterType.listOf(ParameterKind.INTEGER), null,
                null), tooMany), "v", "must be a list of at most 1000 values");
    }

    @Test
    void aListOrIdentifierCannotStandInsideAStringLiteral() {
        assertRefused(() -> bind("SELECT '${v}'", new Parameter("v", ParameterType.listOf(ParameterKind.STRING), null,
                null), "[\"a\"]"), "v", "parameter 'v' cannot stand inside a string literal");
        assertRefused(() -> bind("SELECT '${v}'", param("v", ParameterKind.TABLE), "orders"), "v",
                "parameter 'v' cannot stand inside a string literal");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INTEGER   | 10.5                 | must be an integer (a whole number such as 10)",
        "INTEGER   | 9223372036854775808  | must be an integer",
        "INTEGER   | 1e3                  | must be an integer",
        "DECIMAL   | 1e3                  | must be a decimal number such as 12.50",
        "DECIMAL   | 123456789012345678901234567890123456789 | must be a decimal number",
        "BOOLEAN   | yes                  | must be true or false",
        "DATE      | 2026-02-30           | must be a date such as 2026-12-02",
        "DATE      | 12/02/2026           | must be a date",
        "TIMESTAMP | 2026-12-02 10:15:30.1234 | must be a timestamp",
        "TIMESTAMP | 2031-05-02           | must be a timestamp",
        "INTERVAL  | -PT5M                | must be a duration such as PT5M, 5 min, 10 s or 500 ms",
        "INTERVAL  | 5 fortnights         | must be a duration",
        "INTERVAL  | PT0.0001S            | must be a duration",
        "INTERVAL  | 1000000 d            | must be a duration",
    })
    void aWrongValueIsRefusedNamingTheParameterWithoutEchoingTheValue(ParameterKind kind, String value, String message) {
        assertThatThrownBy(() -> bind("SELECT ${v}", param("v", kind), value))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.parameter()).isEqualTo("v"))
                .hasMessageStartingWith("parameter 'v' " + message)
                .hasMessageEndingWith("; got a value that is not")
                .message().doesNotContain(value);
    }

    @Test
    void valuesAreBoundedInLength() {
        assertRefused(() -> bind("SELECT ${v}", param("v", ParameterKind.STRING), "x".repeat(4097)), "v",
                "parameter 'v' must be at most 4096 characters long");
        assertThat(bind("SELECT ${v}", param("v", ParameterKind.STRING), "x".repeat(4096)).sql()).hasSize(4096 + 9);
    }

    @Test
    void theBoundStatementIsBoundedInLength() {
        Parameter v = new Parameter("v", ParameterType.listOf(ParameterKind.STRING), null, null);
        String big = "[" + ("\"" + "x".repeat(4000) + "\",").repeat(300) + "\"x\"]";
        assertRefused(() -> bind("SELECT ${v}", v, big), null, "the bound statement is longer than");
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        assertRefused(() -> bind("SELECT ${v}", param("v", ParameterKind.STRING), "a\uD800b"), "v",
                "must be well-formed Unicode text");
        assertThat(bind("SELECT ${v}", param("v", ParameterKind.STRING), "\uD83D\uDE00").sql()).isEqualTo("SELECT '\uD83D\uDE00'");
    }

    @Test
    void defaultsApplyWhenNoValueIsGivenAndAreCheckedLikeValues() {
        Template template = template("SELECT * FROM t LIMIT ${n}", new Parameter("n", ParameterType.of(ParameterKind.INTEGER), "10", null));

        assertThat(TemplateBinder.bind(template, Map.of(), Variables.none(), CATALOG).sql()).isEqualTo("SELECT * FROM t LIMIT 10");
        assertThat(TemplateBinder.bind(template, Map.of("n", "5"), Variables.none(), CATALOG).sql()).isEqualTo("SELECT * FROM t LIMIT 5");
        Template badDefault = template("SELECT ${n}", new Parameter("n", ParameterType.of(ParameterKind.INTEGER), "ten", null));
        assertRefused(() -> TemplateBinder.bind(badDefault, Map.of(), Variables.none(), CATALOG), "n", "must be an integer");
    }

    @Test
    void aMissingRequiredParameterIsAnErrorNamingIt() {
        Template template = template("SELECT ${a}, ${b}", param("a", ParameterKind.INTEGER),
                new Parameter("b", ParameterType.of(ParameterKind.STRING), null, "the label to show"));

        assertRefused(() -> TemplateBinder.bind(template, Map.of("a", "1"), Variables.none(), CATALOG), "b",
                "parameter 'b' is required: give it a value (the label to show)");
    }

    @Test
    void anUnknownParameterIsAnErrorNamingIt() {
        Template template = template("SELECT ${a}", param("a", ParameterKind.INTEGER));

        assertRefused(() -> TemplateBinder.bind(template, Map.of("a", "1", "zzz", "2"), Variables.none(), CATALOG), "zzz",
                "template 't1' has no parameter 'zzz'; its parameters are a");
    }

    @Test
    void aPlaceholderThatIsNeitherParameterNorVariableIsAnErrorNeverAnEmptyString() {
        assertRefused(() -> TemplateBinder.bind(template("SELECT ${region}"), Map.of(), Variables.none(), CATALOG),
                "region", "variable 'region' is not defined");
        assertRefused(() -> TemplateBinder.bindVariables("SELECT '${region}'", Variables.none()), "region",
                "variable 'region' is not defined");
    }

    @Test
    void variablesBindByTheirKindAndParametersShadowThem() {
        Variables variables = Variables.of(List.of(new Variable("region", ParameterKind.STRING, "eu-1", false),
                new Variable("max_rows", ParameterKind.INTEGER, "100", false)));

        assertThat(TemplateBinder.bindVariables("SELECT * FROM t WHERE r = ${region} LIMIT ${max_rows}", variables).sql())
                .isEqualTo("SELECT * FROM t WHERE r = 'eu-1' LIMIT 100");
        Template shadowing = template("SELECT ${region}", param("region", ParameterKind.STRING));
        assertThat(TemplateBinder.bind(shadowing, Map.of("region", "us-2"), variables, CATALOG).sql())
                .isEqualTo("SELECT 'us-2'");
    }

    @Test
    void aVariableOfTheWrongKindIsRefusedNamingIt() {
        Variables variables = Variables.of(List.of(new Variable("max_rows", ParameterKind.INTEGER, "many", false),
                new Variable("tbl", ParameterKind.TABLE, "orders", false)));

        assertRefused(() -> TemplateBinder.bindVariables("SELECT ${max_rows}", variables), "max_rows",
                "variable 'max_rows' must be an integer");
        assertRefused(() -> TemplateBinder.bindVariables("SELECT ${tbl}", variables), "tbl",
                "variable 'tbl' is an identifier");
    }

    @Test
    void theFirstVariablesWin() {
        Variables project = Variables.of(List.of(new Variable("region", ParameterKind.STRING, "project", false)));
        Variables environment = Variables.of(List.of(new Variable("region", ParameterKind.STRING, "environment", false),
                new Variable("other", ParameterKind.STRING, "o", false)));

        assertThat(TemplateBinder.bindVariables("SELECT ${region}, ${other}", environment.then(project)).sql())
                .isEqualTo("SELECT 'environment', 'o'");
    }

    @Test
    void builtInVariablesAreInTheSessionsTimeZone() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T23:30:00.123456Z"), ZoneId.of("UTC"));
        Variables builtIn = BuiltInVariables.of("shop", "prod", ZoneId.of("Europe/Berlin"), clock);

        assertThat(TemplateBinder.bindVariables("SELECT ${project}, ${environment}, ${current_date}, ${yesterday}, "
                + "${current_timestamp}", builtIn).sql()).isEqualTo("SELECT 'shop', 'prod', DATE '2026-12-03', "
                + "DATE '2026-12-02', TIMESTAMP '2026-12-03 00:30:00.123'");
        assertThat(BuiltInVariables.NAMES).contains("project", "environment", "current_date", "current_timestamp");
    }

    @Test
    void aMissingEnvironmentIsAnErrorNamingIt() {
        Variables builtIn = BuiltInVariables.of("shop", null, ZoneId.of("UTC"), Clock.systemUTC());

        assertRefused(() -> TemplateBinder.bindVariables("SELECT ${environment}", builtIn), "environment",
                "variable 'environment' is not defined: this session has no environment");
    }

    @Test
    void secretsAreMaskedInTheDisplayAndListedButRunInTheStatement() {
        Variables variables = Variables.of(List.of(new Variable("pw", ParameterKind.STRING, "s3'cr3t", true)));

        BoundStatement bound = TemplateBinder.bindVariables(
                "CREATE TABLE t (a INT) WITH ('password' = '${pw}', 'other' = ${pw})", variables);

        assertThat(bound.sql()).isEqualTo("CREATE TABLE t (a INT) WITH ('password' = 's3''cr3t', 'other' = 's3''cr3t')");
        assertThat(bound.display()).isEqualTo("CREATE TABLE t (a INT) WITH ('password' = '******', 'other' = '******')");
        assertThat(bound.probeSql()).doesNotContain("s3");
        assertThat(bound.secretValues()).contains("s3'cr3t", "s3''cr3t");
    }

    @Test
    void aWrongSecretIsRefusedWithoutItsValue() {
        Variables variables = Variables.of(List.of(new Variable("pin", ParameterKind.INTEGER, "12ab34", true)));

        assertThatThrownBy(() -> TemplateBinder.bindVariables("SELECT ${pin}", variables))
                .hasMessage("variable 'pin' must be an integer (a whole number such as 10); got a value that is not");
    }

    @Test
    void placeholdersInCommentsStayAndEscapesBecomeLiteral() {
        BoundStatement bound = TemplateBinder.bindVariables(
                "SELECT 1 -- ${nothing}\n/* ${nothing} */ , '$${x}', `a$${b}`, $${", Variables.none());

        assertThat(bound.sql()).isEqualTo("SELECT 1 -- ${nothing}\n/* ${nothing} */ , '${x}', `a${b}`, ${");
    }

    @Test
    void aStatementWithoutPlaceholdersComesBackUnchanged() {
        String sql = "SELECT '$' || `$$x$$` FROM t -- ${not_bound}";

        assertThat(TemplateBinder.hasPlaceholders(sql)).isFalse();
        assertThat(TemplateBinder.bindVariables(sql, Variables.none()).sql()).isSameAs(sql);
        assertThat(TemplateBinder.hasPlaceholders("SELECT '${a}'")).isTrue();
        assertThat(TemplateBinder.hasPlaceholders("SELECT $${a}")).isTrue();
        assertThat(TemplateBinder.hasPlaceholders("SELECT '${A}")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT U&'${v}'         | inside a U&'…' literal",
        "SELECT u&'a${v}'        | inside a U&'…' literal",
        "SELECT X'${v}'          | inside an X'…' literal",
        "SELECT E'${v}'          | inside an E'…' literal",
        "SELECT _UTF8'${v}'      | inside a literal with a character set",
        "SELECT N'${v}'          | inside a literal with a character set",
        "SELECT `${v}`           | inside a backtick-quoted identifier",
        "SELECT E${v}            | touches the text next to it",
        "SELECT U&${v}           | touches the text next to it",
        "SELECT a-${v}           | touches the text next to it",
        "SELECT 'a'${v}          | touches the text next to it",
        "SELECT ${v}${v}         | touches the text next to it",
        "SELECT 1${v}            | touches the text next to it",
        "SELECT 1.${v}           | touches the text next to it",
        "SELECT ${v}x            | touches the text next to it",
    })
    void placeholdersWhereAValueCouldChangeTheTokensAreRefused(String sql, String message) {
        assertRefused(() -> bind(sql, param("v", ParameterKind.STRING), "a"), "v", "placeholder ${v} ");
        assertRefused(() -> bind(sql, param("v", ParameterKind.STRING), "a"), "v", message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT ${V}",
        "SELECT ${ v }",
        "SELECT ${1v}",
        "SELECT ${v",
        "SELECT '${v-w}'",
    })
    void aMalformedPlaceholderIsRefusedWithWhereItIs(String sql) {
        assertRefused(() -> bind(sql, param("v", ParameterKind.STRING), "a"), null, "malformed placeholder at line 1, column");
    }

    @Test
    void unclosedLiteralsAndCommentsAreRefused() {
        assertRefused(() -> TemplateBinder.bindVariables("SELECT '${a}", Variables.none()), null,
                "the string literal at line 1, column 8 is never closed");
        assertRefused(() -> TemplateBinder.bindVariables("SELECT ${a} /* x", Variables.none()), null,
                "the comment at line 1, column 13 is never closed");
    }

    @Test
    void theLexerFollowsFlinksTokens() {
        // E'…' takes backslash escapes, so its quote does not end it; 1E'…' is a number then an E'…' literal.
        assertThat(kinds("SELECT E'a\\'b', 1E'x', abcE'x', /*+ OPTIONS('a'='b') */ 1 // c"))
                .containsExactly(SqlLexer.Kind.WORD, SqlLexer.Kind.ESCAPED_STRING, SqlLexer.Kind.SYMBOL,
                        SqlLexer.Kind.NUMBER, SqlLexer.Kind.ESCAPED_STRING, SqlLexer.Kind.SYMBOL, SqlLexer.Kind.WORD,
                        SqlLexer.Kind.STRING, SqlLexer.Kind.SYMBOL, SqlLexer.Kind.SYMBOL, SqlLexer.Kind.WORD,
                        SqlLexer.Kind.SYMBOL, SqlLexer.Kind.STRING, SqlLexer.Kind.SYMBOL, SqlLexer.Kind.STRING,
                        SqlLexer.Kind.SYMBOL, SqlLexer.Kind.SYMBOL, SqlLexer.Kind.SYMBOL, SqlLexer.Kind.NUMBER);
        assertThat(SqlLexer.tokens("SELECT 1 // c").get(4).kind()).isEqualTo(SqlLexer.Kind.COMMENT);
        assertThat(kinds("_ISO-8859-1'a' _utf8 x'0a' \"q\""))
                .containsExactly(SqlLexer.Kind.CHARSET_STRING, SqlLexer.Kind.WORD, SqlLexer.Kind.BINARY_STRING,
                        SqlLexer.Kind.SYMBOL, SqlLexer.Kind.WORD, SqlLexer.Kind.SYMBOL);
    }

    private static List<SqlLexer.Kind> kinds(String sql) {
        return SqlLexer.tokens(sql).stream().filter(SqlLexer.Token::significant).map(SqlLexer.Token::kind).toList();
    }
}
