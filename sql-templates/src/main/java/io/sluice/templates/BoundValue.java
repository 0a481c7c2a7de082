package io.sluice.templates;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parameter's or variable's checked value as it goes into the statement, its masked display and its probe:
 * {@code elements} holds one literal, or one per list element; {@code tables} for a {@code TABLE} the resolved name of
 * each element; {@code secretForms} for a secret variable every form its value takes in the statement.
 */
final class BoundValue {

    static final String MASK = "******";

    private final Subject subject;
    private final ParameterKind kind;
    private final boolean list;
    private final List<Literal> elements;
    private final List<List<String>> tables;
    private final Set<String> secretForms;

    BoundValue(Subject subject, ParameterKind kind, boolean list, List<Literal> elements, List<List<String>> tables,
            Set<String> secretForms) {
        this.subject = subject;
        this.kind = kind;
        this.list = list;
        this.elements = elements;
        this.tables = tables;
        this.secretForms = secretForms;
    }

    Subject subject() {
        return subject;
    }

    ParameterKind kind() {
        return kind;
    }

    boolean list() {
        return list;
    }

    List<Literal> elements() {
        return elements;
    }

    List<List<String>> tables() {
        return tables;
    }

    Set<String> secretForms() {
        return secretForms;
    }

    boolean identifier() {
        return kind == ParameterKind.TABLE || kind == ParameterKind.COLUMN;
    }

    boolean secret() {
        return !secretForms.isEmpty();
    }

    String code() {
        return elements.stream().map(Literal::code).collect(Collectors.joining(", "));
    }

    String displayCode() {
        return secret() ? Literal.quote(MASK) : code();
    }

    /** Identifiers keep their resolved names: only values are replaced. */
    String probeCode() {
        return identifier() ? code() : elements.stream().map(e -> ScalarValues.probe(kind, e).code())
                .collect(Collectors.joining(", "));
    }

    /** The text for a placeholder inside {@code '…'}, its quotes doubled there. */
    String text() {
        if (identifier() || list) {
            throw subject.error("cannot stand inside a string literal ('…'): "
                    + (list ? "a list is several values" : "an identifier is not text") + "; place ${" + subject.name()
                    + "} outside the quotes");
        }
        return elements.get(0).text();
    }

    String displayText() {
        return secret() ? MASK : text();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BoundValue)) {
            return false;
        }
        BoundValue that = (BoundValue) other;
        return Objects.equals(subject, that.subject)
                && Objects.equals(kind, that.kind)
                && list == that.list
                && Objects.equals(elements, that.elements)
                && Objects.equals(tables, that.tables)
                && Objects.equals(secretForms, that.secretForms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, kind, list, elements, tables, secretForms);
    }

    @Override
    public String toString() {
        return "BoundValue[subject=" + subject
                + ", kind=" + kind
                + ", list=" + list
                + ", elements=" + elements
                + ", tables=" + tables
                + ", secretForms=" + secretForms + "]";
    }
}
