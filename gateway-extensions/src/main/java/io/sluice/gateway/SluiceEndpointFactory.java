package io.sluice.gateway;

import io.sluice.gateway.access.AccessDecider;
import io.sluice.gateway.access.AccessEnforcer;
import io.sluice.gateway.access.AccessOptions;
import io.sluice.gateway.access.DecisionClient;
import io.sluice.gateway.admission.Admission;
import io.sluice.gateway.admission.ClusterSlots;
import io.sluice.gateway.admission.QuotaBook;
import io.sluice.gateway.admission.SessionSeats;
import io.sluice.gateway.catalog.TableHints;
import io.sluice.gateway.catalogservice.CatalogChangeFeed;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.catalogservice.OutageGrace;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.gateway.functions.FunctionArtifactCache;
import io.sluice.gateway.functions.FunctionJobs;
import io.sluice.gateway.functions.ProjectFunctions;
import io.sluice.gateway.gate.GatedExecution;
import io.sluice.gateway.gate.StatementGate;
import io.sluice.gateway.gate.StatementLimits;
import io.sluice.gateway.jobs.JobManagerRest;
import io.sluice.gateway.jobs.Savepoints;
import io.sluice.gateway.jobs.StartedJobs;
import io.sluice.gateway.rest.EndpointTls;
import io.sluice.gateway.rest.SluiceRestEndpoint;
import io.sluice.gateway.session.GovernedSqlGatewayService;
import io.sluice.gateway.session.JobOwnership;
import io.sluice.gateway.session.SessionPolicy;
import io.sluice.gateway.session.SessionRegistry;
import io.sluice.gateway.templates.TemplateRendering;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.gateway.api.config.SqlGatewayServiceConfigOptions;
import org.apache.flink.table.gateway.api.endpoint.SqlGatewayEndpoint;
import org.apache.flink.table.gateway.api.endpoint.SqlGatewayEndpointFactory;
import org.apache.flink.table.gateway.api.endpoint.SqlGatewayEndpointFactoryUtils;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.apache.flink.table.gateway.rest.SqlGatewayRestEndpointFactory;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code sluice} endpoint, chosen with {@code sql-gateway.endpoint.type: sluice}: Flink's REST endpoint in
 * front of a governed gateway service.
 */
public final class SluiceEndpointFactory implements SqlGatewayEndpointFactory {

    private final SqlGatewayRestEndpointFactory rest = new SqlGatewayRestEndpointFactory();

    @Override
    public SqlGatewayEndpoint createSqlGatewayEndpoint(Context context) {
        SqlGatewayEndpointFactoryUtils.EndpointFactoryHelper helper =
                SqlGatewayEndpointFactoryUtils.createEndpointFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        // before anything starts: a TLS setting in error stops the endpoint with nothing to clean up
        Configuration restConfig =
                EndpointTls.applied(
                        context.getEndpointOptions(),
                        SqlGatewayRestEndpointFactory.rebuildRestEndpointOptions(
                                context.getEndpointOptions(), context.getFlinkConfiguration().toMap()),
                        SluiceGatewayOptions.PREFIX);

        OutageGrace outage = new OutageGrace(options.get(SluiceGatewayOptions.CATALOG_SERVICE_OUTAGE_GRACE));
        CatalogServiceClient catalogService =
                new CatalogServiceClient(
                        catalogServiceUrl(options),
                        serviceToken(options),
                        options.get(SluiceGatewayOptions.CATALOG_SERVICE_TIMEOUT),
                        options.get(SluiceGatewayOptions.LOGIN_CACHE_TTL),
                        options.get(SluiceGatewayOptions.CATALOG_CACHE_TTL),
                        options.get(SluiceGatewayOptions.CONNECTION_CACHE_TTL),
                        options.get(SluiceGatewayOptions.CACHE_MAX_ENTRIES),
                        outage);
        if (!(context.getSqlGatewayService() instanceof SqlGatewayServiceImpl flinkService)) {
            throw new SqlGatewayException(
                    "The sluice endpoint enforces access inside Flink's own gateway service (SqlGatewayServiceImpl), "
                            + "but this gateway runs " + context.getSqlGatewayService().getClass().getName() + ".");
        }
        Duration staleness = options.get(AccessOptions.DECISION_STALENESS);
        AccessDecider decider =
                new AccessDecider(
                        new DecisionClient(
                                catalogServiceUrl(options),
                                serviceToken(options),
                                options.get(SluiceGatewayOptions.CATALOG_SERVICE_TIMEOUT),
                                outage),
                        staleness,
                        options.get(AccessOptions.DECISION_CACHE_SIZE));
        AccessEnforcer enforcer =
                new AccessEnforcer(
                        decider, Set.copyOf(options.get(SluiceGatewayOptions.ENVIRONMENTS)), TableHints.ALLOWED_KEYS::contains,
                        staleness);
        SecretRedactor redactor = new SecretRedactor();
        SessionPolicy policy =
                new SessionPolicy(options.get(SluiceGatewayOptions.ALLOWED_SESSION_KEYS), savepoints(options));
        JobManagerRest jobManager = new JobManagerRest();
        FunctionJobs functionJobs =
                new FunctionJobs(
                        catalogService, jobManager, context.getFlinkConfiguration().toMap(),
                        options.get(SluiceGatewayOptions.FUNCTION_JOB_RECONCILE_INTERVAL));
        GatedExecution execution =
                new GatedExecution(
                        new StatementLimits(
                                options.get(SluiceGatewayOptions.STATEMENT_MAX_LENGTH),
                                options.get(SluiceGatewayOptions.STATEMENT_MAX_NESTING)),
                        new TemplateRendering(catalogService, redactor, Clock.systemUTC()),
                        new StatementGate(policy, enforcer),
                        functionJobs);
        QuotaBook quotas = new QuotaBook(catalogService, options.get(SluiceGatewayOptions.QUOTA_CACHE_TTL));
        ProjectFunctions functions =
                new ProjectFunctions(
                        catalogService,
                        new FunctionArtifactCache(Path.of(options.get(SluiceGatewayOptions.FUNCTION_CACHE_DIR)), catalogService),
                        options.get(SluiceGatewayOptions.CATALOG_CACHE_TTL),
                        options.get(SluiceGatewayOptions.CACHE_MAX_ENTRIES));
        Admission admission =
                new Admission(
                        clusterSlots(context.getFlinkConfiguration(), jobManager),
                        quotas,
                        options.get(SluiceGatewayOptions.ADMISSION_MAX_WAIT),
                        options.get(SluiceGatewayOptions.ADMISSION_POLL_INTERVAL));
        GovernedSqlGatewayService governed =
                new GovernedSqlGatewayService(
                        flinkService,
                        catalogService,
                        policy,
                        execution,
                        enforcer,
                        redactor,
                        options.get(SluiceGatewayOptions.ENVIRONMENTS),
                        new SessionRegistry.Settings(
                                options.get(SluiceGatewayOptions.ACCEPT_HANDLE_ONLY_REQUESTS),
                                options.get(SluiceGatewayOptions.ABANDONED_OPERATION_TIMEOUT),
                                sessionsClosedAfter(context.getFlinkConfiguration()),
                                options.get(SluiceGatewayOptions.LOGIN_CACHE_TTL)),
                        new StartedJobs(
                                flinkService, jobManager, options.get(SluiceGatewayOptions.CANCEL_START_WAIT)),
                        admission,
                        new SessionSeats(quotas),
                        functions);
        Duration pollInterval = options.get(SluiceGatewayOptions.CHANGE_POLL_INTERVAL);
        AutoCloseable changeFeed =
                pollInterval.isZero()
                        ? () -> {}
                        : new CatalogChangeFeed(
                                catalogService, pollInterval, options.get(SluiceGatewayOptions.ENVIRONMENTS),
                                decider::invalidateAll, quotas::forget, functions::changed);
        try {
            return new SluiceRestEndpoint(restConfig, governed, redactor, List.of(changeFeed, governed, admission, functionJobs));
        } catch (Exception e) {
            governed.close();
            admission.close();
            functionJobs.close();
            closeQuietly(changeFeed);
            throw new SqlGatewayException("Cannot start the sluice endpoint.", e);
        }
    }

    /** The JobManager the gateway's jobs run on ({@code execution.target: remote}), whose slots admission reads. */
    private static ClusterSlots clusterSlots(ReadableConfig flinkConfig, JobManagerRest jobManager) {
        return new ClusterSlots(
                jobManager,
                flinkConfig.getOptional(RestOptions.ADDRESS).orElse("localhost"),
                flinkConfig.get(RestOptions.PORT),
                new JobOwnership());
    }

    /** When Flink has surely closed an idle session: idle timeout plus one check interval (0: never). */
    private static Duration sessionsClosedAfter(ReadableConfig flinkConfig) {
        Duration idle = flinkConfig.get(SqlGatewayServiceConfigOptions.SQL_GATEWAY_SESSION_IDLE_TIMEOUT);
        Duration check = flinkConfig.get(SqlGatewayServiceConfigOptions.SQL_GATEWAY_SESSION_CHECK_INTERVAL);
        return idle.isZero() || idle.isNegative() || check.isZero() || check.isNegative() ? Duration.ZERO : idle.plus(check);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // the endpoint failed to start; that error is the one to report
        }
    }

    private static URI catalogServiceUrl(ReadableConfig options) {
        String url = options.get(SluiceGatewayOptions.CATALOG_SERVICE_URL);
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    "sql-gateway.endpoint.sluice." + SluiceGatewayOptions.CATALOG_SERVICE_URL.key() + " '" + url
                            + "' is not a URL like http://catalog-service:8080 (" + e.getMessage() + ").");
        }
    }

    private static Savepoints savepoints(ReadableConfig options) {
        try {
            return Savepoints.under(options.getOptional(SluiceGatewayOptions.SAVEPOINT_DIR).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(SluiceGatewayOptions.PREFIX + SluiceGatewayOptions.SAVEPOINT_DIR.key() + ": " + e.getMessage() + ".");
        }
    }

    private static String serviceToken(ReadableConfig options) {
        return options.getOptional(SluiceGatewayOptions.CATALOG_SERVICE_TOKEN_FILE)
                .map(SluiceEndpointFactory::readToken)
                .or(() -> options.getOptional(SluiceGatewayOptions.CATALOG_SERVICE_TOKEN))
                .orElse(null);
    }

    private static String readToken(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ValidationException(
                    "sql-gateway.endpoint.sluice." + SluiceGatewayOptions.CATALOG_SERVICE_TOKEN_FILE.key()
                            + ": cannot read '" + file + "' (" + e + ").");
        }
    }

    @Override
    public String factoryIdentifier() {
        return SluiceGatewayOptions.IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        Set<ConfigOption<?>> options = new HashSet<>(rest.requiredOptions());
        options.add(SluiceGatewayOptions.CATALOG_SERVICE_URL);
        return options;
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> options = new HashSet<>(rest.optionalOptions());
        options.add(SluiceGatewayOptions.CATALOG_SERVICE_TOKEN);
        options.add(SluiceGatewayOptions.CATALOG_SERVICE_TOKEN_FILE);
        options.add(SluiceGatewayOptions.CATALOG_SERVICE_TIMEOUT);
        options.add(SluiceGatewayOptions.CATALOG_SERVICE_OUTAGE_GRACE);
        options.add(SluiceGatewayOptions.ENVIRONMENTS);
        options.add(SluiceGatewayOptions.LOGIN_CACHE_TTL);
        options.add(SluiceGatewayOptions.CATALOG_CACHE_TTL);
        options.add(SluiceGatewayOptions.CONNECTION_CACHE_TTL);
        options.add(SluiceGatewayOptions.CACHE_MAX_ENTRIES);
        options.add(SluiceGatewayOptions.CHANGE_POLL_INTERVAL);
        options.add(SluiceGatewayOptions.ALLOWED_SESSION_KEYS);
        options.add(SluiceGatewayOptions.ABANDONED_OPERATION_TIMEOUT);
        options.add(SluiceGatewayOptions.ACCEPT_HANDLE_ONLY_REQUESTS);
        options.add(SluiceGatewayOptions.STATEMENT_MAX_LENGTH);
        options.add(SluiceGatewayOptions.STATEMENT_MAX_NESTING);
        options.add(SluiceGatewayOptions.CANCEL_START_WAIT);
        options.add(SluiceGatewayOptions.FUNCTION_JOB_RECONCILE_INTERVAL);
        options.add(SluiceGatewayOptions.SAVEPOINT_DIR);
        options.add(SluiceGatewayOptions.QUOTA_CACHE_TTL);
        options.add(SluiceGatewayOptions.FUNCTION_CACHE_DIR);
        options.add(SluiceGatewayOptions.ADMISSION_MAX_WAIT);
        options.add(SluiceGatewayOptions.ADMISSION_POLL_INTERVAL);
        options.add(SluiceGatewayOptions.DIM_CACHE);
        options.add(SluiceGatewayOptions.DIM_CACHE_SIZE);
        options.add(SluiceGatewayOptions.DIM_CACHE_TTL);
        options.add(AccessOptions.DECISION_STALENESS);
        options.add(AccessOptions.DECISION_CACHE_SIZE);
        options.addAll(EndpointTls.OPTIONS);
        return options;
    }
}
