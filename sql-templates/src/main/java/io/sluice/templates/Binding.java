package io.sluice.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One binding of a statement's placeholders: looks each name up once and renders the statement three ways. */
final class Binding {

    static final int MAX_STATEMENT_CHARS = 1 << 20;

    private final String sql;
    private final Map<String, Parameter> parameters;
    private final Map<String, String> values;
    private final Variables variables;
    private final IdentifierResolver identifiers;
    private final Map<String, BoundValue> bound = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder display = new StringBuilder();
    private final StringBuilder probe = new StringBuilder();

    Binding(String sql, Map<String, Parameter> parameters, Map<String, String> values, Variables variables,
            IdentifierResolver identifiers) {
        this.sql = sql;
        this.parameters = parameters;
        this.values = values;
        this.variables = variables;
        this.identifiers = identifiers;
    }

    /** Checks every parameter's value (used or not), then renders the statement. */
    BoundStatement bind() {
        parameters.keySet().forEach(this::value);
        for (SqlLexer.Token token : SqlLexer.tokens(sql)) {
            render(token);
        }
        if (out.length() > MAX_STATEMENT_CHARS) {
            throw new TemplateException(null, "the bound statement is longer than " + MAX_STATEMENT_CHARS
                    + " characters; give shorter values or fewer list elements");
        }
        Set<String> secrets = new LinkedHashSet<>();
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        bound.values().forEach(value -> {
            secrets.addAll(value.secretForms());
            if (value.kind() == ParameterKind.TABLE) {
                tables.put(value.subject().name(), value.tables());
            }
        });
        return new BoundStatement(out.toString(), display.toString(), probe.toString(), Set.copyOf(secrets),
                Map.copyOf(tables));
    }

    private void render(SqlLexer.Token token) {
        switch (token.kind()) {
            case PLACEHOLDER: {
                BoundValue value = value(token.name());
                checkSeparated(token, value);
                append(value.code(), value.displayCode(), value.probeCode());
                break;
            }
            case ESCAPE:
                append("${");
                break;
            case STRING:
                renderString(token);
                break;
            case ESCAPED_STRING:
            case UNICODE_STRING:
            case BINARY_STRING:
            case CHARSET_STRING:
            case QUOTED_IDENTIFIER: {
                String text = token.text();
                String open = text.substring(0, text.indexOf(token.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER ? '`' : '\'') + 1);
                StringBuilder unescaped = new StringBuilder(open);
                for (SqlLexer.Part part : SqlLexer.parts(sql, token)) {
                    if (part.kind() == SqlLexer.Kind.PLACEHOLDER) {
                        throw new TemplateException(part.name(), "placeholder ${" + part.name() + "} at "
                                + SqlLexer.where(sql, token.start()) + " is inside " + describe(token.kind())
                                + "; a placeholder may stand only outside quotes or inside a plain '…' literal");
                    }
                    unescaped.append(part.kind() == SqlLexer.Kind.ESCAPE ? "${" : part.text());
                }
                append(unescaped.append(text.charAt(text.length() - 1)).toString());
                break;
            }
            default:
                append(token.text());
                break;
        }
    }

    private void renderString(SqlLexer.Token token) {
        append("'");
        for (SqlLexer.Part part : SqlLexer.parts(sql, token)) {
            switch (part.kind()) {
                case PLACEHOLDER: {
                    BoundValue value = value(part.name());
                    append(doubled(value.text()), doubled(value.displayText()), "probe");
                    break;
                }
                case ESCAPE:
                    append("${");
                    break;
                default:
                    append(part.text());
                    break;
            }
        }
        append("'");
    }

    private static String doubled(String text) {
        return text.replace("'", "''");
    }

    /**
     * A value outside quotes must not run into the text around it: {@code -${n}} with {@code -5} would start a
     * comment, {@code E${s}} an escaped string, {@code 'a'${s}} one string with a doubled quote, {@code 1${n}} a
     * longer number.
     */
    private void checkSeparated(SqlLexer.Token token, BoundValue value) {
        int before = token.start() - 1;
        int after = token.start() + token.text().length();
        boolean touches = (before >= 0 && touches(sql.charAt(before), value))
                || (after < sql.length() && touches(sql.charAt(after), value));
        if (touches) {
            throw new TemplateException(token.name(), "placeholder ${" + token.name() + "} at "
                    + SqlLexer.where(sql, token.start()) + " touches the text next to it; put a space between them");
        }
    }

    private static boolean touches(char c, BoundValue value) {
        if (c == '.') {
            return !value.identifier();
        }
        return SqlLexer.isWordChar(c) || "'`\"&-".indexOf(c) >= 0;
    }

    private void append(String text) {
        append(text, text, text);
    }

    private void append(String sqlText, String displayText, String probeText) {
        out.append(sqlText);
        display.append(displayText);
        probe.append(probeText);
    }

    /** The bound value of a name: the template's parameter of that name, else the variable (parameters shadow). */
    BoundValue value(String name) {
        BoundValue known = bound.get(name);
        if (known != null) {
            return known;
        }
        if (!resolving.add(name)) {
            throw new TemplateException(name, "parameter '" + name + "' takes its columns from itself");
        }
        BoundValue value = parameters.containsKey(name) ? parameter(parameters.get(name)) : variable(name);
        bound.put(name, value);
        return value;
    }

    private BoundValue parameter(Parameter parameter) {
        Subject subject = Subject.parameter(parameter.name());
        String text = values.containsKey(parameter.name()) ? values.get(parameter.name()) : parameter.defaultValue();
        if (text == null) {
            throw subject.error("is required: give it a value"
                    + (parameter.description() == null ? "" : " (" + parameter.description() + ")"));
        }
        ParameterType type = parameter.type();
        List<String> texts = type.list() ? JsonArray.read(subject, text) : List.of(text);
        switch (type.kind()) {
            case TABLE:
                return table(subject, type, texts);
            case COLUMN:
                return column(subject, type, texts);
            default:
                return new BoundValue(subject, type.kind(), type.list(),
                        texts.stream().map(t -> ScalarValues.literal(subject, type, t)).collect(Collectors.toList()),
                        List.of(), Set.of());
        }
    }

    private BoundValue table(Subject subject, ParameterType type, List<String> texts) {
        List<List<String>> tables = new ArrayList<>();
        List<Literal> literals = new ArrayList<>();
        for (String text : texts) {
            List<String> resolved = List.copyOf(identifiers.table(subject.name(), Identifiers.parts(subject, text, 3)));
            tables.add(resolved);
            literals.add(new Literal(Identifiers.quote(resolved), null));
        }
        return new BoundValue(subject, ParameterKind.TABLE, type.list(), literals, List.copyOf(tables), Set.of());
    }

    private BoundValue column(Subject subject, ParameterType type, List<String> texts) {
        List<String> table = columnsTable(subject, type.table());
        List<String> columns = identifiers.columns(subject.name(), table);
        List<Literal> literals = new ArrayList<>();
        for (String text : texts) {
            String column = Identifiers.parts(subject, text, 1).get(0);
            if (!columns.contains(column)) {
                throw subject.refused("must be a column of " + Identifiers.quote(table));
            }
            literals.add(new Literal(Identifiers.quote(column), null));
        }
        return new BoundValue(subject, ParameterKind.COLUMN, type.list(), literals, List.of(), Set.of());
    }

    /** A {@code COLUMN}'s table: the one a {@code TABLE} parameter of that name was bound to, else a table name. */
    private List<String> columnsTable(Subject subject, String table) {
        Parameter tableParameter = parameters.get(table);
        if (tableParameter == null) {
            return List.copyOf(identifiers.table(subject.name(), Identifiers.parts(subject, table, 3)));
        }
        BoundValue tableValue = value(table);
        if (tableValue.kind() != ParameterKind.TABLE || tableValue.list()) {
            throw subject.error("takes its columns from parameter '" + table + "', which is not a single TABLE");
        }
        return tableValue.tables().get(0);
    }

    private BoundValue variable(String name) {
        Subject subject = Subject.variable(name);
        Optional<Variable> found = variables.lookup(name);
        if (found.isEmpty() || found.get().value() == null) {
            throw subject.error("is not defined: define it for the project or the environment, or use a parameter "
                    + "of the template");
        }
        Variable variable = found.get();
        if (variable.kind() == ParameterKind.TABLE || variable.kind() == ParameterKind.COLUMN) {
            throw subject.error("is an identifier; tables and columns can only be template parameters");
        }
        Literal literal = ScalarValues.literal(subject, ParameterType.of(variable.kind()), variable.value());
        Set<String> secretForms = variable.secret()
                ? Set.copyOf(List.of(variable.value(), literal.text(), doubled(literal.text()), literal.code()))
                : Set.of();
        return new BoundValue(subject, variable.kind(), false, List.of(literal), List.of(), secretForms);
    }

    private static String describe(SqlLexer.Kind kind) {
        switch (kind) {
            case ESCAPED_STRING:
                return "an E'…' literal";
            case UNICODE_STRING:
                return "a U&'…' literal";
            case BINARY_STRING:
                return "an X'…' literal";
            case CHARSET_STRING:
                return "a literal with a character set";
            default:
                return "a backtick-quoted identifier";
        }
    }
}
