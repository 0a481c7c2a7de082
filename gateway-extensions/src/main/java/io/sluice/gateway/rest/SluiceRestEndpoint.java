package io.sluice.gateway.rest;

import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.gateway.rest.tables.SessionTablesHandler;
import io.sluice.gateway.rest.tables.SessionTablesHeaders;
import io.sluice.gateway.session.GovernedSqlGatewayService;

import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rest.handler.RestHandlerSpecification;
import org.apache.flink.table.gateway.rest.SqlGatewayRestEndpoint;
import org.apache.flink.table.gateway.rest.header.application.DeployScriptHeaders;
import org.apache.flink.table.gateway.rest.header.materializedtable.RefreshMaterializedTableHeaders;
import org.apache.flink.table.gateway.rest.header.statement.ExecuteStatementHeaders;
import org.apache.flink.table.gateway.rest.header.statement.FetchResultsHeaders;
import org.apache.flink.util.ConfigurationException;

import org.apache.flink.shaded.netty4.io.netty.channel.ChannelInboundHandler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Flink's SQL gateway REST API (v1–v4, so the JDBC driver and the SQL client work unchanged) in front of the
 * governed service. Routes that would reach past it — the embedded workflow scheduler, materialized table
 * refresh and script deployment — answer with a refusal. One route is Sluice's own: a database's tables with their
 * columns in one request ({@link SessionTablesHeaders}), for BI tools that crawl a whole environment. Every error it answers with is clean JSON,
 * {@code {"errors":["<message>"]}}, without a server stack trace: a malformed request is worded by
 * {@link RequestFormat}, a failure of the service by {@link ClientFacingService}, and
 * {@link CleanErrorResponses} cuts any trace Flink's own handlers would still send.
 */
public final class SluiceRestEndpoint extends SqlGatewayRestEndpoint {

    private static final String MATERIALIZED_TABLE_ROUTES = RefreshMaterializedTableHeaders.class.getPackageName();

    /**
     * Most requests worked off the Netty threads at once: statements being submitted (each waits at most for its
     * session's previous statement), fetches held while their statement is not ready or its rows are still to come,
     * and catalog listings.
     */
    private static final int MAX_SUBMITTERS = 1024;

    private final ClientFacingService clientFacing;
    private final SecretRedactor redactor;
    private final List<AutoCloseable> resources;
    private final ExecutorService submitters = submitters();

    /**
     * @param redactor blanks resolved connection details and secrets out of the errors the endpoint answers with
     * @param resources what runs beside the endpoint (change feed, cleanup) and stops with it
     */
    public SluiceRestEndpoint(
            Configuration configuration,
            GovernedSqlGatewayService governedService,
            SecretRedactor redactor,
            List<AutoCloseable> resources)
            throws IOException, ConfigurationException {
        this(configuration, new ClientFacingService(governedService, redactor), redactor, resources);
    }

    private SluiceRestEndpoint(
            Configuration configuration,
            ClientFacingService clientFacing,
            SecretRedactor redactor,
            List<AutoCloseable> resources)
            throws IOException, ConfigurationException {
        super(CleanErrorsChannelFactory.markedForCleanErrors(configuration), clientFacing);
        this.clientFacing = clientFacing;
        this.redactor = redactor;
        this.resources = List.copyOf(resources);
    }

    @Override
    public void stop() throws Exception {
        try {
            super.stop();
        } finally {
            submitters.shutdownNow();
            for (AutoCloseable resource : resources) {
                resource.close();
            }
        }
    }

    @Override
    protected List<Tuple2<RestHandlerSpecification, ChannelInboundHandler>> initializeHandlers(
            CompletableFuture<String> localAddressFuture) {
        List<Tuple2<RestHandlerSpecification, ChannelInboundHandler>> governed = new ArrayList<>();
        for (Tuple2<RestHandlerSpecification, ChannelInboundHandler> route :
                super.initializeHandlers(localAddressFuture)) {
            RestHandlerSpecification spec = route.f0;
            ChannelInboundHandler handler;
            // refresh and the embedded workflow scheduler all live in the materialized-table package
            if (spec.getClass().getPackageName().startsWith(MATERIALIZED_TABLE_ROUTES)) {
                handler =
                        GovernedRouteHandler.refusing(
                                spec,
                                route.f1,
                                ClientError.denied("materialized tables are not offered through this gateway."),
                                responseHeaders);
            } else if (spec instanceof DeployScriptHeaders) {
                handler =
                        GovernedRouteHandler.refusing(
                                spec,
                                route.f1,
                                ClientError.denied("deploying scripts is not offered through this gateway."),
                                responseHeaders);
            } else if (spec instanceof ExecuteStatementHeaders) {
                handler =
                        GovernedRouteHandler.forwarding(
                                spec,
                                new SubmittingStatementHandler(
                                        service, responseHeaders, (ExecuteStatementHeaders) spec, submitters),
                                responseHeaders);
            } else if (spec instanceof FetchResultsHeaders) {
                handler =
                        GovernedRouteHandler.forwarding(
                                spec,
                                new CleanFetchResultsHandler(
                                        service, redactor, responseHeaders, (FetchResultsHeaders) spec, submitters,
                                        clientFacing::rowsToCome),
                                responseHeaders);
            } else {
                handler = GovernedRouteHandler.forwarding(spec, route.f1, responseHeaders);
            }
            governed.add(Tuple2.of(spec, handler));
        }
        governed.add(Tuple2.of(SessionTablesHeaders.getInstance(), GovernedRouteHandler.forwarding(
                SessionTablesHeaders.getInstance(),
                new SessionTablesHandler(service, clientFacing::getTables, responseHeaders, submitters),
                responseHeaders)));
        return governed;
    }

    private static ExecutorService submitters() {
        return new ThreadPoolExecutor(
                        0, MAX_SUBMITTERS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                        r -> {
                            Thread thread = new Thread(r, "sluice-statement-submitter");
                            thread.setDaemon(true);
                            return thread;
                        });
    }
}
