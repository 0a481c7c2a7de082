package io.sluice.dimtable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.Supplier;

/**
 * Reads through one connection, reconnecting and retrying with backoff while the source is
 * unavailable. Used by one thread at a time.
 */
final class RetryingReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingReader.class);

    private final DimSource source;
    private final RetryConfig retry;
    private final DimMetrics metrics;
    private DimConnection connection;

    RetryingReader(DimSource source, RetryConfig retry, DimMetrics metrics) {
        this.source = source;
        this.retry = retry;
        this.metrics = metrics;
    }

    /** A read against an open connection. */
    @FunctionalInterface
    interface Read<T> {
        T apply(DimConnection connection) throws IOException;
    }

    /** Connects now so that an unreachable source fails the job when it starts, not at the first miss. */
    void connect() throws IOException {
        attempt(() -> "connect", connection -> null, false);
    }

    /** {@code what} names the read in errors; it is built only then, not on every read. */
    <T> T read(Supplier<String> what, Read<T> read) throws IOException {
        return attempt(what, read, true);
    }

    private <T> T attempt(Supplier<String> what, Read<T> read, boolean countAsLoad) throws IOException {
        for (int retries = 0; ; retries++) {
            try {
                if (connection == null) {
                    connection = source.connect();
                }
                long start = System.nanoTime();
                T result = read.apply(connection);
                if (countAsLoad) {
                    metrics.loaded(System.nanoTime() - start);
                }
                return result;
            } catch (SourceUnavailableException e) {
                close();
                metrics.loadFailed();
                if (retries >= retry.maxRetryTimes) {
                    throw new IOException(
                            String.format(
                                    "Dimension source %s is unreachable: %s failed %d time(s) (option '%s' = %d). Last error: %s",
                                    source.describe(),
                                    what.get(),
                                    retries + 1,
                                    DimTableOptions.MAX_RETRY_TIMES.key(),
                                    retry.maxRetryTimes,
                                    e.getMessage()),
                            e);
                }
                long backoff = retry.backoffBeforeRetry(retries + 1);
                LOG.warn("{}: {} failed, retrying in {} ms: {}", source.describe(), what.get(), backoff, e.getMessage());
                sleep(backoff);
            } catch (IOException e) {
                metrics.loadFailed();
                throw new IOException(String.format("Dimension source %s: %s failed: %s", source.describe(), what.get(), e.getMessage()), e);
            }
        }
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
