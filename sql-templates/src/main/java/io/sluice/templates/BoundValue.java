package io.sluice.templates;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parameter's or variable's checked value as it goes into the statement, its masked display and its probe.
 *
 * @param elements one literal, or one per list element
 * @param tables for a {@code TABLE}, the resolved name of each element
 * @param secretForms for a secret variable, every form its value takes in the statement
 */
record BoundValue(
        Subject subject,
        ParameterKind kind,
        boolean list,
        List<Literal> elements,
        List<List<String>> tables,
        Set<String> secretForms) {

    static final String MASK = "******";

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
}
