package io.sluice.templates;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement with every placeholder bound.
 *
 * @param sql the statement to run; it may hold secret values
 * @param display the same statement with every secret variable's value masked: the only form shown to users
 * @param probeSql the same statement with every value that carries free text replaced by a fixed probe value of its
 *     kind; the structure check parses both and requires the same structure
 * @param secretValues the secret values bound into {@link #sql}, for the caller to redact from anything it shows
 * @param tables the fully qualified table each {@code TABLE} parameter was bound to (lists: every element)
 */
public record BoundStatement(
        String sql, String display, String probeSql, Set<String> secretValues, Map<String, List<List<String>>> tables) {}
