package io.sluice.templates.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.templates.BoundStatement;
import io.sluice.templates.IdentifierResolver;
import io.sluice.templates.InjectionCorpus;
import io.sluice.templates.Parameter;
import io.sluice.templates.ParameterKind;
import io.sluice.templates.ParameterType;
import io.sluice.templates.Template;
import io.sluice.templates.TemplateBinder;
import io.sluice.templates.TemplateException;
import io.sluice.templates.Variable;
import io.sluice.templates.Variables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Binds every hostile value of {@code injection-corpus.txt} into every parameter kind that takes text, in several
 * template shapes, and proves each outcome safe: the value is refused naming its parameter, or the bound statement
 * has its probe's structure and the value comes back from Flink's parser as it went in.
 */
class InjectionCorpusTest {

    /**
     * A template shape: one parameter {@code v}, the literal texts the parser must find (null: not known) and the
     * identifiers of the template itself (the resolved ones are added).
     */
    private record Shape(String name, String sql, ParameterType type, Function<String, String> given,
            Function<String, List<String>> literals, Function<String, List<String>> identifiers) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("WHERE x = ${v}", "SELECT * FROM t WHERE x = ${v}", ParameterType.of(ParameterKind.STRING),
                    v -> v, v -> List.of(v), v -> List.of("t", "x")),
            new Shape("LIKE '%${v}%'", "SELECT * FROM t WHERE x LIKE '%${v}%' -- ${v}",
                    ParameterType.of(ParameterKind.STRING), v -> v, v -> List.of("%" + v + "%"), v -> List.of("t", "x")),
            new Shape("INSERT VALUES", "INSERT INTO t VALUES (${v}, 'a${v}b', 1)", ParameterType.of(ParameterKind.STRING),
                    v -> v, v -> List.of(v, "a" + v + "b"), v -> List.of("t")),
            new Shape("IN (${list})", "SELECT * FROM t WHERE x IN (${v}) AND y = 'z'",
                    ParameterType.listOf(ParameterKind.STRING), v -> "[" + json(v) + ", \"a\"]",
                    v -> List.of(v, "a", "z"), v -> List.of("t", "x", "y")),
            new Shape("raw list text", "SELECT * FROM t WHERE x IN (${v})", ParameterType.listOf(ParameterKind.STRING),
                    v -> v, null, v -> List.of("t", "x")),
            new Shape("CREATE WITH", "CREATE TABLE t (a STRING) WITH ('connector' = 'kafka', 'topic' = '${v}', "
                    + "'group' = ${v})", ParameterType.of(ParameterKind.STRING), v -> v,
                    v -> List.of("connector", "kafka", "topic", v, "group", v), v -> List.of("t", "a")),
            new Shape("LIMIT ${v}", "SELECT * FROM t LIMIT ${v}", ParameterType.of(ParameterKind.INTEGER), v -> v,
                    v -> List.of(), v -> List.of("t")),
            new Shape("FROM ${table}", "SELECT a FROM ${v} WHERE b = 'x'", ParameterType.of(ParameterKind.TABLE),
                    v -> v, v -> List.of("x"), v -> List.of("a", "b")),
            new Shape("SELECT ${column}", "SELECT ${v} FROM t", new ParameterType(ParameterKind.COLUMN, false,
                    List.of(), "t"), v -> v, v -> List.of(), v -> List.of("t")));

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String value : corpus()) {
            for (Shape shape : SHAPES) {
                cases.add(Arguments.of(shape, value));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} <- value {index}")
    @MethodSource("cases")
    void noValueChangesTheStatementsStructure(Shape shape, String value) {
        Template template = new Template("t1", 1, null, shape.sql(),
                List.of(new Parameter("v", shape.type(), null, null)));
        EchoCatalog catalog = new EchoCatalog(value);
        BoundStatement bound;
        try {
            bound = TemplateBinder.bind(template, Map.of("v", shape.given().apply(value)), Variables.none(), catalog);
        } catch (TemplateException refused) {
            assertThat(refused.parameter()).isEqualTo("v");
            return;
        }
        try {
            StructureCheck.check(bound);
        } catch (TemplateException e) {
            // A value of its kind but not valid where it stands (LIMIT -1) fails the probe too: nothing runs.
            assertThat(e.getMessage()).startsWith("the statement is not Flink SQL");
            assertThatThrownBy(() -> FlinkSql.parse(bound.probeSql())).isInstanceOf(FlinkSql.NotParsed.class);
            return;
        }
        SqlNode parsed = FlinkSql.parse(bound.sql()).get(0);
        if (shape.literals() != null) {
            assertThat(literals(parsed)).containsExactlyInAnyOrderElementsOf(shape.literals().apply(value));
        }
        List<String> identifiers = new ArrayList<>(shape.identifiers().apply(value));
        identifiers.addAll(catalog.bound());
        assertThat(identifiers(parsed)).containsExactlyInAnyOrderElementsOf(identifiers);
    }

    @ParameterizedTest(name = "secret <- value {index}")
    @MethodSource("secrets")
    void aSecretVariableRoundTripsAndNeverShows(String value) {
        Variables secret = Variables.of(List.of(new Variable("pw", ParameterKind.STRING, value, true)));
        BoundStatement bound;
        try {
            bound = TemplateBinder.bindVariables("SELECT * FROM t WHERE pw = ${pw} OR pw = 'x${pw}'", secret);
        } catch (TemplateException refused) {
            assertThat(refused.parameter()).isEqualTo("pw");
            assertThat(refused.getMessage()).doesNotContain(value);
            return;
        }
        StructureCheck.check(bound);
        assertThat(literals(FlinkSql.parse(bound.sql()).get(0))).containsExactlyInAnyOrder(value, "x" + value);
        assertThat(bound.display()).isEqualTo("SELECT * FROM t WHERE pw = '******' OR pw = 'x******'");
        assertThat(bound.secretValues()).contains(value);
    }

    static Stream<String> secrets() throws IOException {
        return corpus().stream().filter(v -> v.length() > 3);
    }

    /** Resolves any table name by completing it with {@code cat} and {@code db}; its one column is the value's. */
    private static final class EchoCatalog implements IdentifierResolver {

        private final String value;
        private final List<String> bound = new ArrayList<>();

        EchoCatalog(String value) {
            this.value = value;
        }

        @Override
        public List<String> table(String parameter, List<String> parts) {
            List<String> name = new ArrayList<>(List.of("cat", "db").subList(0, 3 - parts.size()));
            name.addAll(parts);
            if (!parts.equals(List.of("t"))) {
                bound.addAll(name);
            }
            return name;
        }

        /** The column a value names, by the test's own reading: bare, or in backticks with `` for a backtick. */
        @Override
        public List<String> columns(String parameter, List<String> table) {
            String column = value.length() > 1 && value.startsWith("`") && value.endsWith("`")
                    ? value.substring(1, value.length() - 1).replace("``", "`")
                    : value;
            bound.add(column);
            return List.of(column);
        }

        List<String> bound() {
            return bound;
        }
    }

    private static List<String> literals(SqlNode node) {
        List<String> literals = new ArrayList<>();
        collect(node, n -> {
            if (n instanceof SqlCharStringLiteral literal) {
                literals.add(literal.getValueAs(String.class));
            }
        });
        return literals;
    }

    private static List<String> identifiers(SqlNode node) {
        List<String> names = new ArrayList<>();
        collect(node, n -> {
            if (n instanceof SqlIdentifier identifier && !identifier.isStar()) {
                names.addAll(identifier.names);
            }
        });
        return names;
    }

    private static void collect(SqlNode node, java.util.function.Consumer<SqlNode> visitor) {
        if (node == null) {
            return;
        }
        visitor.accept(node);
        if (node instanceof SqlNodeList list) {
            list.forEach(item -> collect(item, visitor));
        } else if (node instanceof SqlCall call) {
            call.getOperandList().forEach(operand -> collect(operand, visitor));
        }
    }

    private static String json(String value) {
        StringBuilder json = new StringBuilder("\"");
        value.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').append((char) c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", c));
            } else {
                json.append((char) c);
            }
        });
        return json.append('"').toString();
    }

    static List<String> corpus() {
        return InjectionCorpus.values();
    }
}
