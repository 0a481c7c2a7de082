package io.sluice.hive;

/** A column as the metastore holds it: its name, its Hive type as Hive spells it (e.g. {@code decimal(10,2)}), a comment. */
public record HiveColumn(String name, String type, String comment) {}
