package io.sluice.templates;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A statement with every placeholder bound. The components:
 * {@code sql} the statement to run (it may hold secret values);
 * {@code display} the same statement with every secret variable's value masked: the only form shown to users;
 * {@code probeSql} the same statement with every value that carries free text replaced by a fixed probe value of its
 * kind (the structure check parses both and requires the same structure);
 * {@code secretValues} the secret values bound into {@code sql}, for the caller to redact from anything it shows;
 * {@code tables} the fully qualified table each {@code TABLE} parameter was bound to (lists: every element).
 */
public final class BoundStatement {
    private final String sql;
    private final String display;
    private final String probeSql;
    private final Set<String> secretValues;
    private final Map<String, List<List<String>>> tables;

    public BoundStatement(String sql, String display, String probeSql, Set<String> secretValues,
            Map<String, List<List<String>>> tables) {
        this.sql = sql;
        this.display = display;
        this.probeSql = probeSql;
        this.secretValues = secretValues;
        this.tables = tables;
    }

    public String sql() {
        return sql;
    }

    public String display() {
        return display;
    }

    public String probeSql() {
        return probeSql;
    }

    public Set<String> secretValues() {
        return secretValues;
    }

    public Map<String, List<List<String>>> tables() {
        return tables;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BoundStatement)) {
            return false;
        }
        BoundStatement that = (BoundStatement) other;
        return Objects.equals(sql, that.sql)
                && Objects.equals(display, that.display)
                && Objects.equals(probeSql, that.probeSql)
                && Objects.equals(secretValues, that.secretValues)
                && Objects.equals(tables, that.tables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, display, probeSql, secretValues, tables);
    }

    @Override
    public String toString() {
        return "BoundStatement[sql=" + sql
                + ", display=" + display
                + ", probeSql=" + probeSql
                + ", secretValues=" + secretValues
                + ", tables=" + tables + "]";
    }
}
