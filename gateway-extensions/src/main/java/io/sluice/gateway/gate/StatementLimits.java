package io.sluice.gateway.gate;

import io.sluice.gateway.errors.ClientError;

/**
 * What one statement may cost before Flink's parser sees it: its length and how deeply its brackets nest. Both are
 * judged in one pass over the text, so a statement of any size is refused in time linear in its length, and the
 * parser, whose recursion grows with nesting, never gets a statement that would exhaust its stack.
 */
public final class StatementLimits {

    private final int maxLength;
    private final int maxNesting;

    /**
     * @param maxLength most characters a statement (or a script of several) may have
     * @param maxNesting deepest nesting of parentheses and brackets outside literals and comments
     */
    public StatementLimits(int maxLength, int maxNesting) {
        this.maxLength = maxLength;
        this.maxNesting = maxNesting;
    }

    /** Throws a {@link ClientError} (HTTP 400) naming the limit a statement exceeds. */
    public void check(String statement) {
        if (statement == null || statement.isBlank()) {
            throw ClientError.badRequest("The statement is empty: send one SQL statement.").raise();
        }
        if (statement.length() > maxLength) {
            throw ClientError.badRequest(
                            "The statement has " + statement.length() + " characters; this gateway accepts at most "
                                    + maxLength + " (sql-gateway.endpoint.sluice.statement.max-length). Split it, "
                                    + "or keep large data in tables rather than in the statement's text.")
                    .raise();
        }
        int deepest = deepestNesting(statement);
        if (deepest > maxNesting) {
            throw ClientError.badRequest(
                            "The statement nests parentheses or brackets " + deepest + " deep; this gateway accepts at "
                                    + "most " + maxNesting + " (sql-gateway.endpoint.sluice.statement.max-nesting). "
                                    + "Flatten it, e.g. with a WITH clause or a view.")
                    .raise();
        }
    }

    /**
     * The deepest nesting of {@code (} and {@code [}, skipping string literals, quoted identifiers and comments, the
     * way Flink's lexer does. Unbalanced text only miscounts: the parser still refuses it.
     */
    static int deepestNesting(String sql) {
        int depth = 0;
        int deepest = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlText.afterQuoted(sql, i);
            } else if (SqlText.startsLineComment(sql, i)) {
                i = SqlText.afterLineComment(sql, i);
            } else if (SqlText.startsBlockComment(sql, i)) {
                i = SqlText.afterBlockComment(sql, i);
            } else {
                if (c == '(' || c == '[') {
                    deepest = Math.max(deepest, ++depth);
                } else if ((c == ')' || c == ']') && depth > 0) {
                    depth--;
                }
                i++;
            }
        }
        return deepest;
    }
}
