package io.sluice.dimtable;

import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;

import java.io.Serializable;

import static io.sluice.dimtable.DimTableOptions.CONNECT_TIMEOUT_MS;
import static io.sluice.dimtable.DimTableOptions.MAX_RETRY_TIMES;
import static io.sluice.dimtable.DimTableOptions.RETRY_BACKOFF_MS;

/** How reads survive a source that is briefly down. */
final class RetryConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Backoff stops doubling here so a long outage is still probed regularly. */
    private static final long MAX_BACKOFF_MS = 10_000;

    final int maxRetryTimes;
    final long backoffMs;
    final long timeoutMs;

    RetryConfig(int maxRetryTimes, long backoffMs, long timeoutMs) {
        this.maxRetryTimes = maxRetryTimes;
        this.backoffMs = backoffMs;
        this.timeoutMs = timeoutMs;
    }

    static RetryConfig from(ReadableConfig options) {
        int retries = options.get(MAX_RETRY_TIMES);
        long backoff = options.get(RETRY_BACKOFF_MS);
        long timeout = options.get(CONNECT_TIMEOUT_MS);
        if (retries < 0) {
            throw new ValidationException(
                    String.format("Invalid value '%s' for option '%s': must be 0 or more.", retries, MAX_RETRY_TIMES.key()));
        }
        if (backoff < 0) {
            throw new ValidationException(
                    String.format("Invalid value '%s' for option '%s': must be 0 or more.", backoff, RETRY_BACKOFF_MS.key()));
        }
        if (timeout <= 0) {
            throw new ValidationException(
                    String.format("Invalid value '%s' for option '%s': must be positive.", timeout, CONNECT_TIMEOUT_MS.key()));
        }
        return new RetryConfig(retries, backoff, timeout);
    }

    long backoffBeforeRetry(int retry) {
        return Math.min(MAX_BACKOFF_MS, backoffMs << Math.min(retry - 1, 20));
    }
}
