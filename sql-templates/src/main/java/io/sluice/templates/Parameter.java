package io.sluice.templates;

/**
 * A named, typed parameter of a template. {@code defaultValue} is in the same text form a caller gives values in
 * (null when the parameter is required); lists are JSON arrays ({@code ["a", "b"]}, {@code [1, 2]}).
 */
public record Parameter(String name, ParameterType type, String defaultValue, String description) {}
