package io.sluice.catalog.identity;

/** A tenant: its members use Flink with its tables, grants and functions. */
public record Project(long id, String name, String displayName, String description) {}
