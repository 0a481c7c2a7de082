package io.sluice.catalog.variable;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;
import io.sluice.templates.ParameterKind;

/** What a variable holds: the kinds of template parameter that are one plain value. */
public enum VariableKind {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    INTERVAL;

    /** The library's kind, as which the binder renders the value. */
    public ParameterKind parameterKind() {
        return ParameterKind.valueOf(name());
    }

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
