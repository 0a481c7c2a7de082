package io.sluice.templates;

/**
 * A named value a statement refers to as {@code ${name}}: a project's or an environment's, or a built-in one. A
 * secret variable's value is bound into the statement that runs and masked everywhere it could be shown.
 */
public record Variable(String name, ParameterKind kind, String value, boolean secret) {}
