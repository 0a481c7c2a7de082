package io.sluice.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The gateway's statement form for running a template:
 * {@code EXECUTE TEMPLATE name [VERSION n] [WITH ('parameter' = 'value', …)]}, read by a tokenizer (comments,
 * whitespace, case and quoting as in Flink SQL), not by matching text. Keywords are case-insensitive; the name is
 * lower case, bare or in backticks; values are plain {@code '…'} literals with {@code ''} for a quote; a trailing
 * {@code ;} is allowed.
 * {@code values} are in the order given.
 */
public final class ExecuteTemplate {

    public static final String FORM = "EXECUTE TEMPLATE name [VERSION n] [WITH ('parameter' = 'value', ...)]";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,63}");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");

    private final String name;
    private final OptionalInt version;
    private final Map<String, String> values;

    public ExecuteTemplate(String name, OptionalInt version, Map<String, String> values) {
        this.name = name;
        this.version = version;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String name() {
        return name;
    }

    public OptionalInt version() {
        return version;
    }

    public Map<String, String> values() {
        return values;
    }

    /**
     * The statement as this form; empty when the statement is not one (Flink's parser then gets it).
     *
     * @throws TemplateException when it starts as this form ({@code EXECUTE TEMPLATE}) but is malformed
     */
    public static Optional<ExecuteTemplate> parse(String statement) {
        List<SqlLexer.Token> start;
        try {
            start = significant(SqlLexer.tokens(statement, 2));
        } catch (TemplateException e) {
            return Optional.empty();
        }
        if (start.size() < 2 || !keyword(start.get(0), "EXECUTE") || !keyword(start.get(1), "TEMPLATE")) {
            return Optional.empty();
        }
        List<SqlLexer.Token> tokens;
        try {
            tokens = significant(SqlLexer.tokens(statement));
        } catch (TemplateException e) {
            throw new TemplateException(null, "EXECUTE TEMPLATE: " + e.getMessage() + "; the form is " + FORM);
        }
        return Optional.of(new Reader(statement, tokens).read());
    }

    private static List<SqlLexer.Token> significant(List<SqlLexer.Token> tokens) {
        return tokens.stream().filter(SqlLexer.Token::significant).collect(Collectors.toList());
    }

    private static boolean keyword(SqlLexer.Token token, String word) {
        return token.kind() == SqlLexer.Kind.WORD && token.text().equalsIgnoreCase(word);
    }

    /** Reads the form after {@code EXECUTE TEMPLATE}, one expected token at a time. */
    private static final class Reader {

        private final String statement;
        private final List<SqlLexer.Token> tokens;
        private int at = 2;

        Reader(String statement, List<SqlLexer.Token> tokens) {
            this.statement = statement;
            this.tokens = tokens;
        }

        ExecuteTemplate read() {
            String name = name();
            OptionalInt version = OptionalInt.empty();
            if (nextIsKeyword("VERSION")) {
                at++;
                SqlLexer.Token number = expect("a version number (1, 2, …) after VERSION");
                if (number.kind() != SqlLexer.Kind.NUMBER || !VERSION.matcher(number.text()).matches()) {
                    throw wrong("a version number (1, 2, …) after VERSION", number);
                }
                version = OptionalInt.of(Integer.parseInt(number.text()));
            }
            Map<String, String> values = new LinkedHashMap<>();
            if (nextIsKeyword("WITH")) {
                at++;
                values = values();
            }
            if (at < tokens.size() && tokens.get(at).text().equals(";")) {
                at++;
            }
            if (at < tokens.size()) {
                throw wrong("the end of the statement", tokens.get(at));
            }
            return new ExecuteTemplate(name, version, values);
        }

        private String name() {
            SqlLexer.Token token = expect("the template's name");
            String name = null;
            if (token.kind() == SqlLexer.Kind.WORD) {
                name = token.text();
            } else if (token.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER) {
                name = token.text().substring(1, token.text().length() - 1).replace("``", "`");
            }
            if (name == null || !NAME.matcher(name).matches()) {
                throw new TemplateException(null, "EXECUTE TEMPLATE: the template's name at "
                        + SqlLexer.where(statement, token.start()) + " must be lower-case letters, digits and _ "
                        + "(2 to 64, starting with a letter); the form is " + FORM);
            }
            return name;
        }

        private Map<String, String> values() {
            symbol("(", "( after WITH");
            Map<String, String> values = new LinkedHashMap<>();
            do {
                SqlLexer.Token key = literal("a parameter name in quotes ('name')");
                String parameter = unquote(key);
                symbol("=", "= after the parameter name");
                String value = unquote(literal("the value as a '…' literal"));
                if (values.put(parameter, value) != null) {
                    throw new TemplateException(parameter, "EXECUTE TEMPLATE: parameter '" + parameter + "' is given "
                            + "twice; give each parameter once");
                }
            } while (optionalSymbol(","));
            symbol(")", ", or ) after a value");
            return values;
        }

        private SqlLexer.Token literal(String what) {
            SqlLexer.Token token = expect(what);
            if (token.kind() != SqlLexer.Kind.STRING) {
                throw wrong(what, token);
            }
            return token;
        }

        private static String unquote(SqlLexer.Token string) {
            String text = string.text();
            return text.substring(1, text.length() - 1).replace("''", "'");
        }

        private void symbol(String symbol, String what) {
            SqlLexer.Token token = expect(what);
            if (!token.text().equals(symbol)) {
                throw wrong(what, token);
            }
        }

        private boolean optionalSymbol(String symbol) {
            if (at < tokens.size() && tokens.get(at).text().equals(symbol)) {
                at++;
                return true;
            }
            return false;
        }

        private boolean nextIsKeyword(String word) {
            return at < tokens.size() && keyword(tokens.get(at), word);
        }

        private SqlLexer.Token expect(String what) {
            if (at >= tokens.size()) {
                throw new TemplateException(null, "EXECUTE TEMPLATE: expected " + what + " but the statement ends; "
                        + "the form is " + FORM);
            }
            return tokens.get(at++);
        }

        private TemplateException wrong(String what, SqlLexer.Token token) {
            return new TemplateException(null, "EXECUTE TEMPLATE: expected " + what + " at "
                    + SqlLexer.where(statement, token.start()) + "; the form is " + FORM);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ExecuteTemplate)) {
            return false;
        }
        ExecuteTemplate that = (ExecuteTemplate) other;
        return Objects.equals(name, that.name)
                && Objects.equals(version, that.version)
                && Objects.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, values);
    }

    /** Without the values: one may be a password. */
    @Override
    public String toString() {
        return "ExecuteTemplate[name=" + name + ", version=" + version + ", parameters=" + values.keySet() + "]";
    }
}
