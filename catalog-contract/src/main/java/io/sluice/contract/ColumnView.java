package io.sluice.contract;

/**
 * One column.
 *
 * @param type a Flink SQL type, e.g. {@code BIGINT NOT NULL}, {@code DECIMAL(10, 2)}, {@code ROW<a INT>}
 */
public record ColumnView(String name, String type, String comment) {}
