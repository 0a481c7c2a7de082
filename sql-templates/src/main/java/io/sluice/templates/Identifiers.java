package io.sluice.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads identifier values ({@code a}, {@code db.t}, {@code cat.db.t}; each part bare or in backticks with {@code ``}
 * for a backtick) and writes identifiers the only way Flink's parser cannot read as anything else: every part quoted.
 */
final class Identifiers {

    static final int MAX_PART_CHARS = 256;

    private Identifiers() {}

    /** The parts of a dotted name, 1 to {@code maxParts} of them. */
    static List<String> parts(Subject subject, String value, int maxParts) {
        ScalarValues.checkText(subject, value);
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (true) {
            StringBuilder part = new StringBuilder();
            if (at < value.length() && value.charAt(at) == '`') {
                at++;
                while (true) {
                    if (at >= value.length()) {
                        throw malformed(subject, maxParts);
                    }
                    char c = value.charAt(at++);
                    if (c == '`' && at < value.length() && value.charAt(at) == '`') {
                        part.append('`');
                        at++;
                    } else if (c == '`') {
                        break;
                    } else {
                        part.append(c);
                    }
                }
            } else {
                while (at < value.length() && bare(value.charAt(at), part.length() == 0)) {
                    part.append(value.charAt(at++));
                }
            }
            if (part.length() == 0 || part.length() > MAX_PART_CHARS) {
                throw malformed(subject, maxParts);
            }
            parts.add(part.toString());
            if (at == value.length()) {
                break;
            }
            if (value.charAt(at) != '.' || parts.size() == maxParts) {
                throw malformed(subject, maxParts);
            }
            at++;
        }
        return parts;
    }

    static String quote(List<String> parts) {
        return parts.stream().map(Identifiers::quote).collect(Collectors.joining("."));
    }

    static String quote(String part) {
        return "`" + part.replace("`", "``") + "`";
    }

    private static boolean bare(char c, boolean first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
    }

    private static TemplateException malformed(Subject subject, int maxParts) {
        return subject.refused(maxParts == 1
                ? "must be a column name: letters, digits and _, or any text in backticks (`my column`)"
                : "must be a table name: table, database.table or catalog.database.table, each part letters, digits "
                        + "and _ or any text in backticks");
    }
}
