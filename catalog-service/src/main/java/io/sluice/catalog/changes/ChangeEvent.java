package io.sluice.catalog.changes;

import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;

/** One change, numbered in the order it happened. */
public record ChangeEvent(long id, OffsetDateTime at, ChangeKind kind, Environment environment, String table) {}
