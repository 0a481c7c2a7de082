package io.sluice.jdbc;

import io.sluice.templates.BoundStatement;
import io.sluice.templates.Parameter;
import io.sluice.templates.ParameterKind;
import io.sluice.templates.ParameterType;
import io.sluice.templates.SqlLexer;
import io.sluice.templates.Template;
import io.sluice.templates.TemplateBinder;
import io.sluice.templates.TemplateException;
import io.sluice.templates.Variables;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement with {@code ?} parameters: each {@code ?} the SQL-templates lexer finds outside literals, comments and
 * quoted identifiers is a parameter, bound by the templates binder as a typed literal of its kind (the template
 * {@code ${pN}}), so a value can never change the statement. The statement's own text is sent as written: a
 * {@code ${name}} in it is the gateway's variable. A {@code ${} inside a bound value is escaped ({@code $${}) so the
 * gateway's variable binding gives it back as the value had it.
 */
final class PreparedSql {

    private final List<String> pieces;
    private final int count;

    private PreparedSql(List<String> pieces, int count) {
        this.pieces = pieces;
        this.count = count;
    }

    /** @throws SQLSyntaxErrorException when a literal, comment or quoted identifier is never closed */
    static PreparedSql parse(String sql) throws SQLException {
        String escaped = sql.replace("${", "$${");
        List<SqlLexer.Token> tokens;
        try {
            tokens = SqlLexer.tokens(escaped);
        } catch (TemplateException e) {
            throw new SQLSyntaxErrorException(e.getMessage(), "42000");
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int count = 0;
        for (SqlLexer.Token token : tokens) {
            if (token.kind() == SqlLexer.Kind.SYMBOL && token.text().equals("?")) {
                pieces.add(piece.toString());
                piece.setLength(0);
                count++;
            } else {
                piece.append(token.text());
            }
        }
        pieces.add(piece.toString());
        // the lexer read a copy with every ${ escaped, so that no ${ of the statement is taken as a placeholder
        pieces.replaceAll(text -> text.replace("$${", "${"));
        return new PreparedSql(List.copyOf(pieces), count);
    }

    int parameterCount() {
        return count;
    }

    /** The statement to run, every parameter bound; {@code values} holds one per parameter, none null. */
    String bind(List<ParameterValue> values) throws SQLException {
        StringBuilder statement = new StringBuilder(pieces.get(0));
        for (int i = 0; i < count; i++) {
            ParameterValue value = values.get(i);
            if (value == null) {
                throw new SQLException("Parameter " + (i + 1) + " is not set: set every ? before running the "
                        + "statement", "07001");
            }
            String literal = value.kind == null ? null : literal(i + 1, value);
            statement.append(' ').append(value.wrap(literal)).append(' ').append(pieces.get(i + 1));
        }
        return statement.toString();
    }

    /** The value as the binder's literal of its kind, a {@code ${} in it escaped for the gateway. */
    private static String literal(int index, ParameterValue value) throws SQLException {
        String name = "p" + index;
        Template template = new Template("prepared_statement", 1, null, "${" + name + "}",
                List.of(new Parameter(name, ParameterType.of(value.kind), null, null)));
        try {
            BoundStatement bound = TemplateBinder.bind(template, Map.of(name, value.text), Variables.none(), null);
            return bound.sql().replace("${", "$${");
        } catch (TemplateException e) {
            throw new SQLDataException(e.getMessage().replace("parameter '" + name + "'", "parameter " + index),
                    "22023");
        }
    }

    /**
     * A parameter's value: text of a binder kind, or (for what the binder has no kind for) a literal the driver
     * builds from a typed Java value alone, never from caller text.
     */
    static final class ParameterValue {

        final ParameterKind kind;
        final String text;
        /** {@code %s} stands for the placeholder; without a kind the whole literal */
        private final String form;
        final int jdbcType;
        final String typeName;

        private ParameterValue(ParameterKind kind, String text, String form, int jdbcType, String typeName) {
            this.kind = kind;
            this.text = text;
            this.form = form;
            this.jdbcType = jdbcType;
            this.typeName = typeName;
        }

        static ParameterValue of(ParameterKind kind, String text, int jdbcType, String typeName) {
            return new ParameterValue(kind, text, "%s", jdbcType, typeName);
        }

        /** A binder value inside a cast the driver writes, e.g. {@code CAST(%s AS TIME(3))}. */
        static ParameterValue cast(ParameterKind kind, String text, String form, int jdbcType, String typeName) {
            return new ParameterValue(kind, text, form, jdbcType, typeName);
        }

        /** A literal the driver composed from a typed value (hex digits, a NULL of a type). */
        static ParameterValue literal(String literal, int jdbcType, String typeName) {
            return new ParameterValue(null, null, literal, jdbcType, typeName);
        }

        String wrap(String literal) {
            return kind == null ? form : form.replace("%s", literal);
        }
    }
}
