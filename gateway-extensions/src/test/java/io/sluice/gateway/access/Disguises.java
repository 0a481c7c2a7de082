package io.sluice.gateway.access;

import org.apache.flink.sql.parser.impl.FlinkSqlParserImpl;

import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The disguise dimension of the access corpus, generated from its rows, never written case by case: each statement
 * again with a comment between every pair of tokens, with newlines and tabs between them, with its keywords in mixed
 * case, and with its plain identifiers quoted. Flink's parser reads each the same as the plain statement, so each must
 * get the plain row's decision; a rule read from the statement's text (first words, regexes) would not.
 */
final class Disguises {

    private static final SqlAbstractParserImpl.Metadata GRAMMAR =
            new FlinkSqlParserImpl(new StringReader("")).getMetadata();

    /**
     * Keywords that open or shape statements but are not reserved words of Flink's grammar: put in mixed case like
     * reserved words. Other non-reserved keywords stay as they are, since they may be names (a column 'status').
     */
    private static final Set<String> STATEMENT_WORDS =
            Set.of("JOB", "JOBS", "PLAN", "COMPILE", "RESET", "JAR", "JARS", "MODULE", "MODULES", "CATALOG",
                    "CATALOGS", "FUNCTION", "FUNCTIONS", "TEMPORARY", "SYSTEM", "VIEW", "STOP", "SAVEPOINT", "DRAIN",
                    "STATEMENT", "BEGIN", "END", "EXECUTE", "EXPLAIN", "SHOW", "DESCRIBE", "LOAD", "UNLOAD", "ADD",
                    "REMOVE", "USING", "LANGUAGE", "IF", "EXISTS", "USE", "TABLES", "DATABASES", "EXCLUDING",
                    "INCLUDING", "OPTIONS", "VIEWS");

    private static final List<String> OPERATORS = List.of("||", "<>", "<=", ">=", "!=", "=>", "::");

    record Disguise(String name, UnaryOperator<String> apply) {}

    static final List<Disguise> ALL =
            List.of(
                    new Disguise("comments", sql -> String.join(" /* x */ ", tokens(sql))),
                    new Disguise("newlines and tabs", sql -> String.join("\n\t", tokens(sql))),
                    new Disguise("mixed case", sql -> String.join(" ", tokens(sql).stream().map(Disguises::mixedCase).toList())),
                    new Disguise("quoted identifiers", Disguises::quoted));

    private Disguises() {}

    /** The statement's tokens: words, numbers, literals, quoted identifiers, comments and hints kept whole. */
    static List<String> tokens(String sql) {
        List<String> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (c == '\'' || c == '"' || c == '`') {
                end = afterQuoted(sql, i);
            } else if (sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i);
                end = newline < 0 ? n : newline + 1;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || (sql.charAt(end) == '.' && Character.isDigit(c) && end + 1 < n && Character.isDigit(sql.charAt(end + 1))))) {
                    end++;
                }
                if (end < n && sql.charAt(end) == '\'') {
                    end = afterQuoted(sql, end); // a prefixed literal: X'0F', N'text'
                }
            } else {
                final int at = i;
                end = OPERATORS.stream().filter(op -> sql.startsWith(op, at)).findFirst().map(op -> at + op.length()).orElse(i + 1);
            }
            tokens.add(sql.substring(i, end));
            i = end;
        }
        return tokens;
    }

    private static int afterQuoted(String sql, int open) {
        char quote = sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean isWord(String token) {
        return Character.isLetter(token.charAt(0)) || token.charAt(0) == '_';
    }

    private static String mixedCase(String token) {
        String upper = token.toUpperCase(Locale.ROOT);
        if (!isWord(token) || !(GRAMMAR.isReservedWord(upper) || STATEMENT_WORDS.contains(upper))) {
            return token;
        }
        StringBuilder mixed = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            mixed.append(i % 2 == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return mixed.toString();
    }

    /** Plain identifiers in backticks: words that are no keyword of the grammar and not a function's name. */
    private static String quoted(String sql) {
        List<String> tokens = tokens(sql);
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).equals("(");
            boolean plainWord = isWord(token) && !token.contains("'") && !GRAMMAR.isKeyword(token.toUpperCase(Locale.ROOT));
            out.add(plainWord && !call ? "`" + token + "`" : token);
        }
        return String.join(" ", out);
    }
}
