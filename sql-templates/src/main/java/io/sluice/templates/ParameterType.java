package io.sluice.templates;

import java.util.List;

/**
 * The type of a parameter: a kind, whether it takes a list of values, the allowed values of an {@code ENUM}, and for
 * a {@code COLUMN} the table its values must be columns of (the name of a {@code TABLE} parameter of the same
 * template, or a table name).
 */
public record ParameterType(ParameterKind kind, boolean list, List<String> enumValues, String table) {

    public ParameterType {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }

    public static ParameterType of(ParameterKind kind) {
        return new ParameterType(kind, false, List.of(), null);
    }

    public static ParameterType listOf(ParameterKind kind) {
        return new ParameterType(kind, true, List.of(), null);
    }
}
