package io.sluice.gateway.access;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a script at the semicolons that end statements: not those inside string literals, quoted identifiers,
 * comments or an {@code EXECUTE STATEMENT SET BEGIN … END} block. Parts with nothing but comments and blanks are
 * dropped. A text it splits wrongly can only fail to parse: each part still goes through Flink's parser, which
 * accepts one statement at a time.
 */
final class StatementSplitter {

    private static final Pattern STATEMENT_SET =
            Pattern.compile("(EXECUTE|EXPLAIN(?: [A-Z_]+(?: ?, ?[A-Z_]+)*)?) STATEMENT SET BEGIN\\b");

    private StatementSplitter() {}

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder words = new StringBuilder(); // the statement's code outside literals and comments, upper case
        int start = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = closingQuote(script, i, c);
                words.append(' ');
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
                words.append(' ');
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                words.append(' ');
            } else if (c == ';' && !insideStatementSet(words)) {
                add(statements, script.substring(start, i), words);
                words.setLength(0);
                start = ++i;
            } else {
                words.append(Character.toUpperCase(c));
                i++;
            }
        }
        add(statements, script.substring(start), words);
        return statements;
    }

    /** The index after the quote that closes the one at {@code open}; a doubled quote is part of the text. */
    private static int closingQuote(String script, int open, char quote) {
        int i = open + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    /** Inside {@code EXECUTE STATEMENT SET BEGIN} or {@code EXPLAIN [details] STATEMENT SET BEGIN}, before its END. */
    private static boolean insideStatementSet(StringBuilder words) {
        String code = words.toString().strip().replaceAll("\\s+", " ");
        return STATEMENT_SET.matcher(code).lookingAt() && !code.endsWith(" END");
    }

    private static void add(List<String> statements, String statement, StringBuilder words) {
        if (!words.toString().isBlank()) {
            statements.add(statement);
        }
    }
}
