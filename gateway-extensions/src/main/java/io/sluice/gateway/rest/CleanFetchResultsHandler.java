package io.sluice.gateway.rest;

import io.sluice.gateway.errors.FailureMessages;
import io.sluice.gateway.errors.SecretRedactor;

import org.apache.flink.runtime.rest.handler.HandlerRequest;
import org.apache.flink.runtime.rest.handler.RestHandlerException;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.apache.flink.table.gateway.rest.handler.statement.FetchResultsHandler;
import org.apache.flink.table.gateway.rest.header.statement.FetchResultsHeaders;
import org.apache.flink.table.gateway.rest.message.statement.FetchResultsResponseBody;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestAPIVersion;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Flink's fetch-results handler wraps every failure in a {@link SqlGatewayException}, which Flink answers with
 * HTTP 500 and the server's stack trace. This one answers a failed statement with the governed service's clean
 * message instead (and a failure of the handler's own with a clean one), so the client's first line is the reason.
 */
final class CleanFetchResultsHandler extends FetchResultsHandler {

    private final SecretRedactor redactor;

    CleanFetchResultsHandler(
            SqlGatewayService service,
            SecretRedactor redactor,
            Map<String, String> responseHeaders,
            FetchResultsHeaders headers) {
        super(service, responseHeaders, headers);
        this.redactor = redactor;
    }

    @Override
    protected CompletableFuture<FetchResultsResponseBody> handleRequest(
            SqlGatewayRestAPIVersion version, HandlerRequest<EmptyRequestBody> request) throws RestHandlerException {
        try {
            return super.handleRequest(version, request);
        } catch (RuntimeException e) {
            throw FailureMessages.asClientError(e, redactor);
        }
    }
}
