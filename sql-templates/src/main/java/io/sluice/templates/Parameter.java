package io.sluice.templates;

import java.util.Objects;

/**
 * A named, typed parameter of a template. {@code defaultValue} is in the same text form a caller gives values in
 * (null when the parameter is required); lists are JSON arrays ({@code ["a", "b"]}, {@code [1, 2]}).
 */
public final class Parameter {
    private final String name;
    private final ParameterType type;
    private final String defaultValue;
    private final String description;

    public Parameter(String name, ParameterType type, String defaultValue, String description) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String name() {
        return name;
    }

    public ParameterType type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Parameter)) {
            return false;
        }
        Parameter that = (Parameter) other;
        return Objects.equals(name, that.name)
                && Objects.equals(type, that.type)
                && Objects.equals(defaultValue, that.defaultValue)
                && Objects.equals(description, that.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultValue, description);
    }

    @Override
    public String toString() {
        return "Parameter[name=" + name
                + ", type=" + type
                + ", defaultValue=" + defaultValue
                + ", description=" + description + "]";
    }
}
