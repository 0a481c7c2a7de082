package io.sluice.contract;

/**
 * A topic's event time.
 *
 * @param column the TIMESTAMP(p) or TIMESTAMP_LTZ(p) column (p ≤ 3) holding each record's event time
 * @param delayMs how long, in milliseconds, to wait for records that arrive late or out of order
 */
public record WatermarkView(String column, long delayMs) {}
