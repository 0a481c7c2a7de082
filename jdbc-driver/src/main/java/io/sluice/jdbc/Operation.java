package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement running on the gateway, read page by page. It ends (and the gateway closes it, cancelling its
 * job) at the result's end, after {@code maxRows} rows, at its timeout, on {@link #cancel} or when the result is
 * closed: a streaming query a client stops reading does not keep running.
 */
final class Operation implements Rows {

    private static final Pattern NEXT_TOKEN = Pattern.compile("/result/(\\d+)(?:\\?.*)?$");
    /**
     * Pauses between fetches while the gateway is still planning and submitting (NOT_READY): short at first, as most
     * statements are ready within a fraction of a second and every millisecond slept past that is the user's wait;
     * longer once a statement has kept the driver waiting, so a slow one does not cost the gateway many requests.
     */
    private static final long FIRST_POLL_MILLIS = 2;
    private static final long EARLY_POLL_MILLIS = 20;
    private static final long LATE_POLL_MILLIS = 200;
    private static final long EARLY_NANOS = 2_000_000_000L;

    private final GatewayClient gateway;
    private final String handle;
    private final long maxRows;
    private final long deadlineNanos;
    private final int timeoutSeconds;
    private final Deque<List<Object>> buffered = new ArrayDeque<>();
    private Long nextToken = 0L;
    private List<Column> columns;
    private Map<?, ?> firstPage;
    private long delivered;
    private volatile boolean closed;
    private volatile boolean cancelled;
    private volatile CompletableFuture<HttpResponse<String>> fetching;

    /** {@code maxRows} 0 reads all rows; {@code timeoutSeconds} 0 waits without limit. */
    Operation(GatewayClient gateway, String handle, long maxRows, int timeoutSeconds) {
        this.gateway = gateway;
        this.handle = handle;
        this.maxRows = maxRows;
        this.timeoutSeconds = timeoutSeconds;
        this.deadlineNanos = timeoutSeconds == 0 ? 0 : System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    }

    /** Waits for the first page, which says what the statement returned. */
    Operation start() throws SQLException {
        try {
            while (firstPage == null) {
                Map<?, ?> page = page();
                if (page == null) {
                    break;
                }
                if (page.get("results") instanceof Map) {
                    firstPage = page;
                }
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
        return this;
    }

    /** True when the statement returns rows: a query, SHOW, DESCRIBE, EXPLAIN, … (not DDL, DML or SET). */
    boolean hasRows() {
        if (firstPage == null || !"SUCCESS_WITH_CONTENT".equals(firstPage.get("resultKind"))) {
            return false;
        }
        return Boolean.TRUE.equals(firstPage.get("isQueryResult")) || firstPage.get("jobID") == null;
    }

    List<Column> columns() {
        if (columns == null) {
            columns = new ArrayList<>();
            if (firstPage != null) {
                Object infos = ((Map<?, ?>) firstPage.get("results")).get("columns");
                if (infos instanceof List) {
                    for (Object info : (List<?>) infos) {
                        Map<?, ?> column = info instanceof Map ? (Map<?, ?>) info : Map.of();
                        columns.add(new Column(String.valueOf(column.get("name")),
                                ColumnType.fromJson(column.get("logicalType"))));
                    }
                }
            }
        }
        return columns;
    }

    @Override
    public List<Object> next() throws SQLException {
        if (cancelled) {
            throw cancelledError();
        }
        if (maxRows > 0 && delivered >= maxRows) {
            close();
            return null;
        }
        while (buffered.isEmpty() && !closed && nextToken != null) {
            page();
        }
        if (cancelled) {
            throw cancelledError();
        }
        if (buffered.isEmpty()) {
            close();
            return null;
        }
        delivered++;
        return buffered.poll();
    }

    /** Fetches the next page into the buffer; null at the end. Waits while the gateway has nothing yet. */
    private Map<?, ?> page() throws SQLException {
        long pause = FIRST_POLL_MILLIS;
        long waitingSince = System.nanoTime();
        while (true) {
            if (cancelled) {
                throw cancelledError();
            }
            if (closed || nextToken == null) {
                return null;
            }
            if (deadlineNanos != 0 && System.nanoTime() >= deadlineNanos) {
                throw timedOut();
            }
            Duration wait = deadlineNanos == 0 ? GatewayClient.REQUEST_TIMEOUT
                    : Duration.ofNanos(Math.min(deadlineNanos - System.nanoTime(),
                            GatewayClient.REQUEST_TIMEOUT.toNanos()));
            Map<?, ?> page;
            CompletableFuture<HttpResponse<String>> pending = gateway.fetch(handle, nextToken, wait);
            fetching = pending;
            try {
                page = GatewayClient.await(pending, gateway.gateway(), "fetch the result");
            } catch (SQLException e) {
                if (cancelled) {
                    throw cancelledError();
                }
                if (deadlineNanos != 0 && System.nanoTime() >= deadlineNanos) {
                    throw timedOut();
                }
                throw e;
            }
            nextToken = token(page.get("nextResultUri"));
            if ("NOT_READY".equals(page.get("resultType"))) {
                sleep(pause);
                long longest = System.nanoTime() - waitingSince < EARLY_NANOS ? EARLY_POLL_MILLIS : LATE_POLL_MILLIS;
                pause = Math.min(longest, pause * 2);
                continue;
            }
            Object results = page.get("results");
            if (results instanceof Map && ((Map<?, ?>) results).get("data") instanceof List) {
                for (Object row : (List<?>) ((Map<?, ?>) results).get("data")) {
                    Object fields = row instanceof Map ? ((Map<?, ?>) row).get("fields") : null;
                    buffered.add(fields instanceof List ? cast(fields) : List.of());
                }
            }
            return page;
        }
    }

    private static SQLException cancelledError() {
        return new SQLException("The statement was cancelled", "57014");
    }

    /** Closes the statement (its job ends) and says why; a failure to close does not hide the timeout. */
    private SQLException timedOut() {
        SQLException timeout = new SQLTimeoutException("The statement ran longer than its query timeout of "
                + timeoutSeconds + " s and was cancelled", "57014");
        try {
            closeNow();
        } catch (SQLException e) {
            timeout.addSuppressed(e);
        }
        return timeout;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> cast(Object fields) {
        return (List<Object>) fields;
    }

    /** The token of the next page, read from its URI (never followed as given: the driver builds its own URIs). */
    private static Long token(Object nextResultUri) throws SQLException {
        if (!(nextResultUri instanceof String)) {
            return null;
        }
        Matcher matcher = NEXT_TOKEN.matcher((String) nextResultUri);
        if (!matcher.find()) {
            throw new SQLException("The gateway's answer has a next result URI the driver does not understand",
                    "08006");
        }
        return Long.parseLong(matcher.group(1));
    }

    private void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new SQLException("Interrupted while waiting for the statement's rows", "HY008");
        }
    }

    /** Ends the statement from another thread: the gateway cancels its job; the reader gets SQLState 57014. */
    void cancel() throws SQLException {
        cancelled = true;
        CompletableFuture<HttpResponse<String>> pending = fetching;
        if (pending != null) {
            pending.cancel(false);
        }
        closeNow();
    }

    /** Closes the statement without waiting for the gateway's answer (see {@link GatewayClient#closeOperationLater}). */
    @Override
    public void close() {
        if (markClosed()) {
            gateway.closeOperationLater(handle);
        }
    }

    /** Closes the statement and waits until the gateway has: a cancel or a timeout is done when it returns. */
    private void closeNow() throws SQLException {
        if (markClosed()) {
            gateway.closeOperation(handle);
        }
    }

    private synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        buffered.clear();
        return true;
    }
}
