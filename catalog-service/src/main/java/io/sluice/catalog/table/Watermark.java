package io.sluice.catalog.table;

/**
 * A topic's event time: the column whose time a record carries, and how long to wait for records that arrive
 * late or out of order ({@code delayMs}, 0 when left out). Queries may then use event-time windows and joins.
 */
public record Watermark(String column, Long delayMs) {}
