package io.sluice.catalog.variable;

import io.sluice.catalog.common.Environment;
import io.sluice.contract.VariableView;
import io.sluice.templates.Variable;

/**
 * A variable's value for the project ({@code environment} null) or one environment. {@code value} is null when it
 * was read to be shown and is a secret; else it is the opened value, for the platform's own use.
 */
record StoredVariable(String name, Environment environment, VariableKind kind, String value, boolean secret) {

    /** As the binder takes it. */
    Variable bindable() {
        return new Variable(name, kind.parameterKind(), value, secret);
    }

    VariableView view() {
        return new VariableView(name, kind.spelling(), value, secret, environment == null ? null : environment.spelling());
    }
}
