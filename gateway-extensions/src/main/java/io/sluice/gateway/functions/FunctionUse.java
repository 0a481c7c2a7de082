package io.sluice.gateway.functions;

/** A version of a project's function that a statement's plan calls. */
public record FunctionUse(String project, String function, int version) {}
