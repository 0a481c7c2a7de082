package io.sluice.gateway.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a script at the semicolons that end statements: not those inside string literals, quoted identifiers,
 * comments or an {@code EXECUTE/EXPLAIN … STATEMENT SET BEGIN … END} block. Parts with nothing but comments and
 * blanks are dropped. One pass, in time linear in the script's length: it only follows the words that open a
 * statement set and whether the last word before a semicolon is {@code END}. A text it splits wrongly can only fail
 * to parse: each part still goes through Flink's parser, which accepts one statement at a time.
 */
public final class StatementSplitter {

    /** Words {@code EXPLAIN} may carry before {@code STATEMENT SET}: its details, and the commas between them. */
    private static final Set<String> EXPLAIN_DETAILS =
            Set.of("ESTIMATED_COST", "CHANGELOG_MODE", "JSON_EXECUTION_PLAN", "PLAN_ADVICE", "PLAN", "FOR");

    private StatementSplitter() {}

    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        Opening opening = new Opening();
        boolean hasCode = false;
        boolean lastWordIsEnd = false;
        int start = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlText.afterQuoted(script, i);
                hasCode = true;
                lastWordIsEnd = false;
                opening.other();
            } else if (SqlText.startsLineComment(script, i)) {
                i = SqlText.afterLineComment(script, i);
            } else if (SqlText.startsBlockComment(script, i)) {
                i = SqlText.afterBlockComment(script, i);
            } else if (c == ';' && (!opening.isStatementSet() || lastWordIsEnd)) {
                if (hasCode) {
                    statements.add(script.substring(start, i));
                }
                opening = new Opening();
                hasCode = false;
                lastWordIsEnd = false;
                start = ++i;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < n && isWordChar(script.charAt(end))) {
                    end++;
                }
                String word = script.substring(i, end).toUpperCase(Locale.ROOT);
                opening.word(word);
                lastWordIsEnd = word.equals("END");
                hasCode = true;
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    hasCode = true;
                    lastWordIsEnd = false;
                    if (c != ',') {
                        opening.other();
                    }
                }
                i++;
            }
        }
        if (hasCode) {
            statements.add(script.substring(start));
        }
        return statements;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Follows a statement's first words until it is known whether they open a statement set. */
    private static final class Opening {
        private int words;
        private boolean decided;
        private boolean statementSet;
        private boolean explain;
        private String expected = null; // the next word the opening needs once past EXECUTE/EXPLAIN

        void word(String word) {
            if (decided) {
                return;
            }
            words++;
            if (words == 1) {
                explain = word.equals("EXPLAIN");
                if (!explain && !word.equals("EXECUTE")) {
                    decide(false);
                }
                return;
            }
            if (expected == null) {
                if (word.equals("STATEMENT")) {
                    expected = "SET";
                } else if (!explain || !EXPLAIN_DETAILS.contains(word)) {
                    decide(false);
                }
            } else if (!word.equals(expected)) {
                decide(false);
            } else if (expected.equals("SET")) {
                expected = "BEGIN";
            } else {
                decide(true);
            }
        }

        /** Anything but a word or a comma ends the opening. */
        void other() {
            if (!decided) {
                decide(false);
            }
        }

        private void decide(boolean isSet) {
            decided = true;
            statementSet = isSet;
        }

        boolean isStatementSet() {
            return statementSet;
        }
    }
}
