package io.sluice.templates;

import java.util.Objects;

/** The parameter or variable a value belongs to, for messages that name it and never show the value. */
final class Subject {
    private final String name;
    private final boolean variable;

    Subject(String name, boolean variable) {
        this.name = name;
        this.variable = variable;
    }

    String name() {
        return name;
    }

    boolean variable() {
        return variable;
    }

    static Subject parameter(String name) {
        return new Subject(name, false);
    }

    static Subject variable(String name) {
        return new Subject(name, true);
    }

    /** {@code parameter 'limit'} or {@code variable 'region'} */
    String describe() {
        return (variable ? "variable '" : "parameter '") + name + "'";
    }

    /** "parameter 'limit' must be …; got a value that is not" */
    TemplateException refused(String requirement) {
        return new TemplateException(name, describe() + " " + requirement + "; got a value that is not");
    }

    TemplateException error(String message) {
        return new TemplateException(name, describe() + " " + message);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Subject)) {
            return false;
        }
        Subject that = (Subject) other;
        return Objects.equals(name, that.name)
                && variable == that.variable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, variable);
    }

    @Override
    public String toString() {
        return "Subject[name=" + name
                + ", variable=" + variable + "]";
    }
}
