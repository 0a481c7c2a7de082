package io.sluice.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits Flink SQL into tokens the way Flink 2.2's parser does where it matters for binding: where comments, string
 * literals (plain, {@code E'…'}, {@code U&'…'}, {@code X'…'}, {@code N'…'}, {@code _charset'…'}) and backtick
 * identifiers start and end, and where {@code ${name}} placeholders and {@code $${} escapes stand. Everything else is
 * words, numbers and single-character symbols. Flink's parser quotes identifiers with backticks and has no
 * double-quoted form (a {@code "} is a lexical error there), so {@code "} is an ordinary symbol here.
 */
public final class SqlLexer {

    /** What a token is; the quoted kinds hold their quotes and prefix. */
    public enum Kind {
        WHITESPACE,
        /** {@code --} or {@code //} to the end of the line, or {@code /* … *}{@code /} (Flink's comments do not nest) */
        COMMENT,
        WORD,
        NUMBER,
        /** {@code '…'} with {@code ''} for a quote: the only literal a placeholder may stand in */
        STRING,
        /** {@code E'…'}: backslash escapes */
        ESCAPED_STRING,
        /** {@code U&'…'}: unicode escapes */
        UNICODE_STRING,
        /** {@code X'…'} */
        BINARY_STRING,
        /** {@code N'…'} or {@code _charset'…'} */
        CHARSET_STRING,
        /** {@code `…`} with {@code ``} for a backtick */
        QUOTED_IDENTIFIER,
        /** {@code ${name}} outside any quotes */
        PLACEHOLDER,
        /** {@code $${}: a literal {@code ${}} */
        ESCAPE,
        /** one character, or {@code /*+} (a hint: its contents are SQL, not a comment) */
        SYMBOL
    }

    /** A token: {@code text} is the source text; {@code name} is set for a {@link Kind#PLACEHOLDER}. */
    public static final class Token {
        private final Kind kind;
        private final String text;
        private final int start;
        private final String name;

        public Token(Kind kind, String text, int start, String name) {
            this.kind = kind;
            this.text = text;
            this.start = start;
            this.name = name;
        }

        public Kind kind() {
            return kind;
        }

        public String text() {
            return text;
        }

        public int start() {
            return start;
        }

        public String name() {
            return name;
        }

        public boolean significant() {
            return kind != Kind.WHITESPACE && kind != Kind.COMMENT;
        }

        public boolean quoted() {
            switch (kind) {
                case STRING:
                case ESCAPED_STRING:
                case UNICODE_STRING:
                case BINARY_STRING:
                case CHARSET_STRING:
                case QUOTED_IDENTIFIER:
                    return true;
                default:
                    return false;
            }
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Token)) {
                return false;
            }
            Token that = (Token) other;
            return Objects.equals(kind, that.kind)
                    && Objects.equals(text, that.text)
                    && start == that.start
                    && Objects.equals(name, that.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, text, start, name);
        }

        @Override
        public String toString() {
            return "Token[kind=" + kind
                    + ", text=" + text
                    + ", start=" + start
                    + ", name=" + name + "]";
        }
    }

    /**
     * A piece of a quoted token's content: literal text as written ({@link Kind#WORD}), a {@link Kind#ESCAPE} or a
     * {@link Kind#PLACEHOLDER} (with its {@code name}).
     */
    public static final class Part {
        private final Kind kind;
        private final String text;
        private final String name;

        public Part(Kind kind, String text, String name) {
            this.kind = kind;
            this.text = text;
            this.name = name;
        }

        public Kind kind() {
            return kind;
        }

        public String text() {
            return text;
        }

        public String name() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Part)) {
                return false;
            }
            Part that = (Part) other;
            return Objects.equals(kind, that.kind)
                    && Objects.equals(text, that.text)
                    && Objects.equals(name, that.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, text, name);
        }

        @Override
        public String toString() {
            return "Part[kind=" + kind
                    + ", text=" + text
                    + ", name=" + name + "]";
        }
    }

    private static final int MAX_NAME = 64;

    private final String sql;
    private int at;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** @throws TemplateException when a comment, literal or identifier is never closed, or a placeholder is malformed */
    public static List<Token> tokens(String sql) {
        return tokens(sql, Integer.MAX_VALUE);
    }

    /** The tokens up to and including the {@code significant}-th one that is not whitespace or a comment. */
    public static List<Token> tokens(String sql, int significant) {
        SqlLexer lexer = new SqlLexer(sql);
        List<Token> tokens = new ArrayList<>();
        int seen = 0;
        while (lexer.at < sql.length() && seen < significant) {
            Token token = lexer.next();
            tokens.add(token);
            if (token.significant()) {
                seen++;
            }
        }
        return tokens;
    }

    /**
     * The content of a quoted token of {@code sql} (between its quotes) as literal text, escapes and placeholders.
     *
     * @throws TemplateException when a placeholder in it is malformed
     */
    public static List<Part> parts(String sql, Token quoted) {
        String text = quoted.text();
        int open = text.indexOf(quoted.kind() == Kind.QUOTED_IDENTIFIER ? '`' : '\'');
        String content = text.substring(open + 1, text.length() - 1);
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < content.length()) {
            if (content.startsWith("$${", i)) {
                flush(literal, parts);
                parts.add(new Part(Kind.ESCAPE, "$${", null));
                i += 3;
            } else if (content.startsWith("${", i)) {
                flush(literal, parts);
                int end = placeholderEnd(content, i, sql, quoted.start() + open + 1 + i);
                String name = content.substring(i + 2, end - 1);
                parts.add(new Part(Kind.PLACEHOLDER, content.substring(i, end), name));
                i = end;
            } else {
                literal.append(content.charAt(i++));
            }
        }
        flush(literal, parts);
        return parts;
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (literal.length() > 0) {
            parts.add(new Part(Kind.WORD, literal.toString(), null));
            literal.setLength(0);
        }
    }

    private Token next() {
        int start = at;
        char c = sql.charAt(at);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            while (at < sql.length() && " \t\n\r\f".indexOf(sql.charAt(at)) >= 0) {
                at++;
            }
            return token(Kind.WHITESPACE, start);
        }
        if (sql.startsWith("--", at) || sql.startsWith("//", at)) {
            while (at < sql.length() && sql.charAt(at) != '\n' && sql.charAt(at) != '\r') {
                at++;
            }
            return token(Kind.COMMENT, start);
        }
        if (sql.startsWith("/*+", at)) {
            at += 3;
            return token(Kind.SYMBOL, start);
        }
        if (sql.startsWith("/*", at)) {
            int end = sql.indexOf("*/", at + 2);
            if (end < 0) {
                throw unclosed("comment", start);
            }
            at = end + 2;
            return token(Kind.COMMENT, start);
        }
        if (sql.startsWith("$${", at)) {
            at += 3;
            return token(Kind.ESCAPE, start);
        }
        if (sql.startsWith("${", at)) {
            at = placeholderEnd(sql, at, sql, at);
            return new Token(Kind.PLACEHOLDER, sql.substring(start, at), start, sql.substring(start + 2, at - 1));
        }
        if (c == '\'') {
            return quoted(Kind.STRING, start, '\'', false);
        }
        if (c == '`') {
            return quoted(Kind.QUOTED_IDENTIFIER, start, '`', false);
        }
        if (c >= '0' && c <= '9') {
            return number(start);
        }
        if (isWordChar(c)) {
            return wordOrPrefixedString(start);
        }
        at++;
        return token(Kind.SYMBOL, start);
    }

    private Token wordOrPrefixedString(int start) {
        if (prefixed("U&'")) {
            return quoted(Kind.UNICODE_STRING, start, '\'', false);
        }
        if (prefixed("E'")) {
            return quoted(Kind.ESCAPED_STRING, start, '\'', true);
        }
        if (prefixed("X'")) {
            return quoted(Kind.BINARY_STRING, start, '\'', false);
        }
        if (prefixed("N'")) {
            return quoted(Kind.CHARSET_STRING, start, '\'', false);
        }
        if (sql.charAt(at) == '_') {
            int i = at + 1;
            if (i < sql.length() && isCharsetStart(sql.charAt(i))) {
                while (i < sql.length() && (isCharsetStart(sql.charAt(i)) || ":.-_".indexOf(sql.charAt(i)) >= 0)) {
                    i++;
                }
                if (i < sql.length() && sql.charAt(i) == '\'') {
                    at = i;
                    return quoted(Kind.CHARSET_STRING, start, '\'', false);
                }
            }
        }
        while (at < sql.length() && isWordChar(sql.charAt(at)) && !sql.startsWith("${", at)
                && !sql.startsWith("$${", at)) {
            at++;
        }
        return token(Kind.WORD, start);
    }

    private boolean prefixed(String prefix) {
        if (sql.regionMatches(true, at, prefix, 0, prefix.length())) {
            at += prefix.length() - 1;
            return true;
        }
        return false;
    }

    /** Flink's numeric literals: digits, an optional fraction and an exponent only when digits follow it. */
    private Token number(int start) {
        digits();
        if (at < sql.length() && sql.charAt(at) == '.') {
            at++;
            digits();
        }
        if (at < sql.length() && (sql.charAt(at) == 'e' || sql.charAt(at) == 'E')) {
            int i = at + 1;
            if (i < sql.length() && (sql.charAt(i) == '+' || sql.charAt(i) == '-')) {
                i++;
            }
            if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
                at = i;
                digits();
            }
        }
        return token(Kind.NUMBER, start);
    }

    private void digits() {
        while (at < sql.length() && sql.charAt(at) >= '0' && sql.charAt(at) <= '9') {
            at++;
        }
    }

    /** {@code at} is on the opening quote; a doubled quote is one quote, and with backslashes {@code \x} is one. */
    private Token quoted(Kind kind, int start, char quote, boolean backslashes) {
        at++;
        while (true) {
            if (at >= sql.length()) {
                throw unclosed(kind == Kind.QUOTED_IDENTIFIER ? "quoted identifier" : "string literal", start);
            }
            char c = sql.charAt(at);
            if (backslashes && c == '\\' && at + 1 < sql.length()) {
                at += 2;
            } else if (c == quote && at + 1 < sql.length() && sql.charAt(at + 1) == quote) {
                at += 2;
            } else if (c == quote) {
                at++;
                return token(kind, start);
            } else {
                at++;
            }
        }
    }

    private Token token(Kind kind, int start) {
        return new Token(kind, sql.substring(start, at), start, null);
    }

    /** The index after the {@code }} of the placeholder starting at {@code from} in {@code text}. */
    private static int placeholderEnd(String text, int from, String source, int sourceAt) {
        int i = from + 2;
        int limit = Math.min(text.length(), i + MAX_NAME + 1);
        while (i < limit && text.charAt(i) != '}') {
            i++;
        }
        String name = i < limit ? text.substring(from + 2, i) : null;
        if (name == null || !validName(name)) {
            throw new TemplateException(
                    null,
                    "malformed placeholder at " + where(source, sourceAt) + ": write ${name} with a name of lower-case "
                            + "letters, digits and _ (at most 64, not starting with a digit), or $${ for a literal ${");
        }
        return i + 1;
    }

    /** Placeholder, parameter and variable names: {@code [a-z_][a-z0-9_]{0,63}}, case-sensitive. */
    public static boolean validName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME || Character.isDigit(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_');
    }

    private TemplateException unclosed(String what, int start) {
        return new TemplateException(null, "the " + what + " at " + where(sql, start) + " is never closed");
    }

    /** "line L, column C" of an index, for messages that point into a statement without quoting it. */
    public static String where(String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }

    static boolean isWordChar(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }

    private static boolean isCharsetStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
