package io.sluice.gateway.rest;

import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.errors.FailureMessages;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.gateway.jobs.OperationResults;

import org.apache.flink.runtime.rest.handler.HandlerRequest;
import org.apache.flink.runtime.rest.handler.RestHandlerException;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.rest.handler.statement.FetchResultsHandler;
import org.apache.flink.table.gateway.rest.header.statement.FetchResultsHeaders;
import org.apache.flink.table.gateway.rest.message.operation.OperationHandleIdPathParameter;
import org.apache.flink.table.gateway.rest.message.session.SessionHandleIdPathParameter;
import org.apache.flink.table.gateway.rest.message.statement.FetchResultsResponseBody;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestAPIVersion;
import org.apache.flink.table.gateway.service.result.ResultStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;

/**
 * Flink's fetch-results handler, with three changes.
 *
 * <p>A fetch that finds its statement still being planned and submitted (NOT_READY) is held, off the Netty threads,
 * until the statement is ready or for at most {@link #HOLD_NANOS}, instead of answering at once: clients otherwise
 * poll, each with its own pause (Flink's driver and SQL client sleep 100 ms before every such fetch), and every
 * millisecond of a pause past readiness is the user's wait. Waiting here checks the statement's status in process,
 * which costs far less than a client's HTTP round trips.
 *
 * <p>Likewise a fetch of a query whose rows are still coming, with none yet to fetch, is held until a row is there
 * or the rows end, for at most {@link #HOLD_NANOS} (again after a hold for readiness, so that the first page carries
 * the first rows), instead of answering an empty page: clients ask again at once
 * when a page is empty, and both Flink's driver and Sluice's sent 70 to 140 fetches for each {@code SELECT 1} while
 * its job ran, on the cores the job needed. A streaming query with no new rows now costs one fetch a second.
 *
 * <p>Flink's handler wraps every failure in a {@code SqlGatewayException}, which Flink answers with HTTP 500 and the
 * server's stack trace. This one answers a failed statement with the governed service's clean message instead (and
 * a failure of the handler's own with a clean one), so the client's first line is the reason.
 */
final class CleanFetchResultsHandler extends FetchResultsHandler {

    /** Longest a fetch is held for a statement that is not ready, or for rows to come; the client then asks again. */
    static final long HOLD_NANOS = 1_000_000_000L;
    private static final long STATUS_CHECK_MILLIS = 2;
    /** Rows of a snapshot query come within a fraction of a second; checking a streaming query's less often after that. */
    private static final long ROWS_CHECK_MILLIS = 1;
    private static final long LATE_ROWS_CHECK_MILLIS = 10;
    private static final long EARLY_ROWS_NANOS = 300_000_000L;

    private final SecretRedactor redactor;
    private final ExecutorService workers;
    private final BiFunction<SessionHandle, OperationHandle, Optional<ResultStore>> rowsToCome;

    CleanFetchResultsHandler(
            SqlGatewayService service,
            SecretRedactor redactor,
            Map<String, String> responseHeaders,
            FetchResultsHeaders headers,
            ExecutorService workers,
            BiFunction<SessionHandle, OperationHandle, Optional<ResultStore>> rowsToCome) {
        super(service, responseHeaders, headers);
        this.redactor = redactor;
        this.workers = workers;
        this.rowsToCome = rowsToCome;
    }

    @Override
    protected CompletableFuture<FetchResultsResponseBody> handleRequest(
            SqlGatewayRestAPIVersion version, HandlerRequest<EmptyRequestBody> request) throws RestHandlerException {
        Optional<ResultStore> pending = rowsToCome.apply(
                request.getPathParameter(SessionHandleIdPathParameter.class),
                request.getPathParameter(OperationHandleIdPathParameter.class));
        if (pending.isPresent()) {
            return OffNettyThreads.supply(() -> {
                awaitRows(pending.get());
                return fetchOffNetty(version, request);
            }, workers);
        }
        FetchResultsResponseBody page = fetch(version, request);
        if (page.getResultType() != ResultSet.ResultType.NOT_READY) {
            return CompletableFuture.completedFuture(page);
        }
        return OffNettyThreads.supply(() -> heldUntilReady(version, request, page), workers);
    }

    private FetchResultsResponseBody fetch(SqlGatewayRestAPIVersion version, HandlerRequest<EmptyRequestBody> request)
            throws ClientError {
        try {
            return super.handleRequest(version, request).join();
        } catch (RuntimeException | RestHandlerException e) {
            throw FailureMessages.asClientError(e, redactor);
        }
    }

    /** {@link #fetch} on a worker thread, whose failure is the future's. */
    private FetchResultsResponseBody fetchOffNetty(
            SqlGatewayRestAPIVersion version, HandlerRequest<EmptyRequestBody> request) {
        try {
            return fetch(version, request);
        } catch (ClientError e) {
            throw e.raise();
        }
    }

    /** Returns once a row is there, the rows ended (or the statement was closed), or the hold is over. */
    private static void awaitRows(ResultStore store) {
        long start = System.nanoTime();
        try {
            while (OperationResults.awaitingRows(store)) {
                long held = System.nanoTime() - start;
                if (held >= HOLD_NANOS) {
                    return;
                }
                Thread.sleep(held < EARLY_ROWS_NANOS ? ROWS_CHECK_MILLIS : LATE_ROWS_CHECK_MILLIS);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private FetchResultsResponseBody heldUntilReady(
            SqlGatewayRestAPIVersion version, HandlerRequest<EmptyRequestBody> request, FetchResultsResponseBody notReady) {
        SessionHandle session = request.getPathParameter(SessionHandleIdPathParameter.class);
        OperationHandle operation = request.getPathParameter(OperationHandleIdPathParameter.class);
        long deadline = System.nanoTime() + HOLD_NANOS;
        try {
            while (!service.getOperationInfo(session, operation).getStatus().isTerminalStatus()) {
                if (System.nanoTime() >= deadline) {
                    return notReady;
                }
                Thread.sleep(STATUS_CHECK_MILLIS);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return notReady;
        }
        // the first page then carries the first rows too, not only the columns: one fetch fewer
        rowsToCome.apply(session, operation).ifPresent(CleanFetchResultsHandler::awaitRows);
        return fetchOffNetty(version, request);
    }
}
