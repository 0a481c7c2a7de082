package io.sluice.contract;

/**
 * A project's variable, as the gateway reads it for one environment: the environment's value where one is set, else
 * the project's. Only the gateway's role reads secret values; users see {@code value} null for a secret.
 *
 * @param name the placeholder's name
 * @param kind string, integer, decimal, boolean, date, timestamp or interval (lower case)
 * @param value the value in its text form
 * @param secret whether the value is masked wherever a statement could be shown
 * @param environment the environment the value is set for; null for the project's value
 */
public record VariableView(String name, String kind, String value, boolean secret, String environment) {}
