package io.sluice.catalog.changes;

import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;

/**
 * One change, numbered in the order it happened: about a table, or (kind connection) about a data source, in an
 * environment; or (kind quota) about a project, in no environment.
 */
public record ChangeEvent(
        long id, OffsetDateTime at, ChangeKind kind, Environment environment, String table, String dataSource, String project) {}
