package io.sluice.catalog.table;

/** A column: its name, a Flink SQL type such as {@code DECIMAL(10, 2)}, and an optional comment. */
public record Column(String name, String type, String comment) {}
