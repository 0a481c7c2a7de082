package io.sluice.gateway.rest;

import org.apache.flink.runtime.rest.handler.HandlerRequest;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.rest.handler.statement.ExecuteStatementHandler;
import org.apache.flink.table.gateway.rest.header.statement.ExecuteStatementHeaders;
import org.apache.flink.table.gateway.rest.message.statement.ExecuteStatementRequestBody;
import org.apache.flink.table.gateway.rest.message.statement.ExecuteStatementResponseBody;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestAPIVersion;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Submits statements off the REST endpoint's few Netty threads. Flink runs one statement of a session at a time:
 * submitting a second one blocks the calling thread until the first has started its job — which, with admission,
 * can mean until the first one's turn for slots has come. On a Netty thread that would stall every request of
 * every session on it (their fetches too, so the gateway would take their clients for gone).
 */
final class SubmittingStatementHandler extends ExecuteStatementHandler {

    private final ExecutorService submitters;

    SubmittingStatementHandler(
            SqlGatewayService service,
            Map<String, String> responseHeaders,
            ExecuteStatementHeaders headers,
            ExecutorService submitters) {
        super(service, responseHeaders, headers);
        this.submitters = submitters;
    }

    @Override
    protected CompletableFuture<ExecuteStatementResponseBody> handleRequest(
            SqlGatewayRestAPIVersion version, HandlerRequest<ExecuteStatementRequestBody> request) {
        return OffNettyThreads.supply(() -> super.handleRequest(version, request).join(), submitters);
    }
}
