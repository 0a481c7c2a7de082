package io.sluice.gateway.rest;

import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.errors.FailureMessages;
import io.sluice.gateway.errors.SecretRedactor;

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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Flink's fetch-results handler, with two changes.
 *
 * <p>A fetch that finds its statement still being planned and submitted (NOT_READY) is held, off the Netty threads,
 * until the statement is ready or for at most {@link #HOLD_NANOS}, instead of answering at once: clients otherwise
 * poll, each with its own pause (Flink's driver and SQL client sleep 100 ms before every such fetch), and every
 * millisecond of a pause past readiness is the user's wait. Waiting here checks the statement's status in process,
 * which costs far less than a client's HTTP round trips.
 *
 * <p>Flink's handler wraps every failure in a {@code SqlGatewayException}, which Flink answers with HTTP 500 and the
 * server's stack trace. This one answers a failed statement with the governed service's clean message instead (and
 * a failure of the handler's own with a clean one), so the client's first line is the reason.
 */
final class CleanFetchResultsHandler extends FetchResultsHandler {

    /** Longest a fetch is held for a statement that is not ready; the client then asks again. */
    static final long HOLD_NANOS = 1_000_000_000L;
    private static final long STATUS_CHECK_MILLIS = 2;

    private final SecretRedactor redactor;
    private final ExecutorService workers;

    CleanFetchResultsHandler(
            SqlGatewayService service,
            SecretRedactor redactor,
            Map<String, String> responseHeaders,
            FetchResultsHeaders headers,
            ExecutorService workers) {
        super(service, responseHeaders, headers);
        this.redactor = redactor;
        this.workers = workers;
    }

    @Override
    protected CompletableFuture<FetchResultsResponseBody> handleRequest(
            SqlGatewayRestAPIVersion version, HandlerRequest<EmptyRequestBody> request) throws RestHandlerException {
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
            return fetch(version, request);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return notReady;
        } catch (ClientError e) {
            throw e.raise();
        }
    }
}
