package io.sluice.templates;

import java.util.List;
import java.util.Objects;

/**
 * The type of a parameter: a kind, whether it takes a list of values, the allowed values of an {@code ENUM}, and for
 * a {@code COLUMN} the table its values must be columns of (the name of a {@code TABLE} parameter of the same
 * template, or a table name).
 */
public final class ParameterType {
    private final ParameterKind kind;
    private final boolean list;
    private final List<String> enumValues;
    private final String table;

    public ParameterType(ParameterKind kind, boolean list, List<String> enumValues, String table) {
        this.kind = kind;
        this.list = list;
        this.enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        this.table = table;
    }

    public ParameterKind kind() {
        return kind;
    }

    public boolean list() {
        return list;
    }

    public List<String> enumValues() {
        return enumValues;
    }

    public String table() {
        return table;
    }

    public static ParameterType of(ParameterKind kind) {
        return new ParameterType(kind, false, List.of(), null);
    }

    public static ParameterType listOf(ParameterKind kind) {
        return new ParameterType(kind, true, List.of(), null);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ParameterType)) {
            return false;
        }
        ParameterType that = (ParameterType) other;
        return Objects.equals(kind, that.kind)
                && list == that.list
                && Objects.equals(enumValues, that.enumValues)
                && Objects.equals(table, that.table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, list, enumValues, table);
    }

    @Override
    public String toString() {
        return "ParameterType[kind=" + kind
                + ", list=" + list
                + ", enumValues=" + enumValues
                + ", table=" + table + "]";
    }
}
