package io.sluice.templates;

import java.util.List;
import java.util.Objects;

/** One immutable version of a template: SQL text with {@code ${name}} placeholders and the parameters it declares. */
public final class Template {
    private final String name;
    private final int version;
    private final String description;
    private final String sql;
    private final List<Parameter> parameters;

    public Template(String name, int version, String description, String sql, List<Parameter> parameters) {
        this.name = name;
        this.version = version;
        this.description = description;
        this.sql = sql;
        this.parameters = List.copyOf(parameters);
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public String description() {
        return description;
    }

    public String sql() {
        return sql;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Template)) {
            return false;
        }
        Template that = (Template) other;
        return Objects.equals(name, that.name)
                && version == that.version
                && Objects.equals(description, that.description)
                && Objects.equals(sql, that.sql)
                && Objects.equals(parameters, that.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, description, sql, parameters);
    }

    @Override
    public String toString() {
        return "Template[name=" + name
                + ", version=" + version
                + ", description=" + description
                + ", sql=" + sql
                + ", parameters=" + parameters + "]";
    }
}
