package io.sluice.gateway.gate;

/**
 * The lexical pieces of SQL text that hide what looks like code: string literals, quoted identifiers and comments.
 * Only for bounding cost and cutting scripts into statements; nothing is ever allowed or refused on the text, which
 * is the parser's business.
 */
final class SqlText {

    private SqlText() {}

    /** The index after the quote that closes the one at {@code open}; a doubled quote is part of the text. */
    static int afterQuoted(String sql, int open) {
        char quote = sql.charAt(open);
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    static boolean startsLineComment(String sql, int i) {
        return sql.charAt(i) == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-';
    }

    static int afterLineComment(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
    }

    static boolean startsBlockComment(String sql, int i) {
        return sql.charAt(i) == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*';
    }

    static int afterBlockComment(String sql, int i) {
        int end = sql.indexOf("*/", i + 2);
        return end < 0 ? sql.length() : end + 2;
    }
}
