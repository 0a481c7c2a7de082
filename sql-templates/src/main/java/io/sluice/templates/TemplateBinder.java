package io.sluice.templates;

import java.util.Map;

/**
 * Binds values into a template (or variables into a plain statement) as typed literals and quoted identifiers, by
 * the lexical context of each placeholder: never by splicing text a value could end.
 */
public final class TemplateBinder {

    private TemplateBinder() {}

    /** Binds a template's parameters from {@code values} (text forms, see {@link Parameter}) and its variables. */
    public static BoundStatement bind(
            Template template, Map<String, String> values, Variables variables, IdentifierResolver identifiers) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Binds the variables of a plain statement; a statement without placeholders comes back unchanged. */
    public static BoundStatement bindVariables(String sql, Variables variables) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether a statement holds a placeholder the binder would bind (outside comments; {@code $${} escapes one). */
    public static boolean hasPlaceholders(String sql) {
        throw new UnsupportedOperationException("not yet");
    }
}
