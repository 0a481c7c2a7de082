package io.sluice.contract;

import java.util.List;

/**
 * A template's parameter on the wire.
 *
 * @param name the placeholder's name
 * @param kind table, column, string, integer, decimal, boolean, date, timestamp, interval or enum (lower case)
 * @param list whether it takes a JSON array of values
 * @param enumValues the allowed values of an enum
 * @param table for a column: the table parameter (or table name) it is a column of
 * @param defaultValue the value used when none is given, in the text form values take; null when required
 * @param description what it is for
 */
public record TemplateParameterView(
        String name, String kind, boolean list, List<String> enumValues, String table, String defaultValue,
        String description) {}
