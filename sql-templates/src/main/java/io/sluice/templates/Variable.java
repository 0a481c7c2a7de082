package io.sluice.templates;

import java.util.Objects;

/**
 * A named value a statement refers to as {@code ${name}}: a project's or an environment's, or a built-in one. A
 * secret variable's value is bound into the statement that runs and masked everywhere it could be shown.
 */
public final class Variable {
    private final String name;
    private final ParameterKind kind;
    private final String value;
    private final boolean secret;

    public Variable(String name, ParameterKind kind, String value, boolean secret) {
        this.name = name;
        this.kind = kind;
        this.value = value;
        this.secret = secret;
    }

    public String name() {
        return name;
    }

    public ParameterKind kind() {
        return kind;
    }

    public String value() {
        return value;
    }

    public boolean secret() {
        return secret;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Variable)) {
            return false;
        }
        Variable that = (Variable) other;
        return Objects.equals(name, that.name)
                && Objects.equals(kind, that.kind)
                && Objects.equals(value, that.value)
                && secret == that.secret;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, value, secret);
    }

    @Override
    public String toString() {
        return "Variable[name=" + name
                + ", kind=" + kind
                + ", value=" + value
                + ", secret=" + secret + "]";
    }
}
