package io.sluice.gateway.catalogservice;

import io.sluice.contract.ActiveFunctionView;
import io.sluice.contract.ChangeEvent;
import io.sluice.contract.ChangeFeedEnd;
import io.sluice.contract.ConnectionView;
import io.sluice.contract.EnvironmentCatalogView;
import io.sluice.contract.FunctionJobView;
import io.sluice.contract.PrincipalView;
import io.sluice.contract.QuotaView;
import io.sluice.contract.TemplateView;
import io.sluice.contract.VariableView;
import io.sluice.gateway.auth.Credentials;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.MapperFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * catalog-service's HTTP API as the gateway uses it, behind caches whose TTLs bound how stale a session's view may
 * be and which, while catalog-service is unreachable, go on with what it last said for the {@link OutageGrace
 * grace}. A login carries the user's own credentials; environment catalogs (the same for every user), connections
 * (with secrets) and the change feed are read with the gateway's service token.
 */
public final class CatalogServiceClient {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogServiceClient.class);

    /** Reads the contract's records: kinds in catalog-service's lower-case spelling, a kind it does not know as null. */
    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                    .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                    .addModule(new JavaTimeModule())
                    .build();

    private static final int CHANGE_BATCH = 500;
    /** catalog-service accepts it from the gateway's service identity only. */
    private static final String ON_BEHALF_OF = "X-Sluice-On-Behalf-Of";

    private final URI api;
    private final String serviceAuthorization;
    private final Duration timeout;
    private final HttpClient http;
    private final OutageGrace outage;

    private final LastKnownCache<PrincipalKey, PrincipalView> principals;
    /** Per environment, shared by every session: a catalog lists definitions, the same for every user. */
    private final LastKnownCache<String, EnvironmentCatalogView> catalogs;
    private final Duration catalogTtl;
    /**
     * When the read-ahead of an environment last failed: retried after half the TTL, logged once while it lasts.
     * Only the change feed's one thread reads ahead.
     */
    private final Map<String, Long> failedReadAheads = new HashMap<>();
    private final LastKnownCache<ConnectionKey, ConnectionView> connections;

    private record PrincipalKey(Credentials credentials, String project) {}

    private record ConnectionKey(String environment, String dataSource) {}

    public CatalogServiceClient(
            URI baseUrl,
            String serviceToken,
            Duration timeout,
            Duration loginTtl,
            Duration catalogTtl,
            Duration connectionTtl,
            int maxEntries,
            OutageGrace outage) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.api = URI.create(base + "/api/v1/");
        this.serviceAuthorization = serviceToken == null ? null : Credentials.bearer(serviceToken).authorizationHeader();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.outage = outage;
        this.principals = new LastKnownCache<>(loginTtl, maxEntries, outage);
        this.catalogTtl = catalogTtl;
        this.catalogs = new LastKnownCache<>(catalogTtl, maxEntries, outage);
        this.connections = new LastKnownCache<>(connectionTtl, maxEntries, outage);
    }

    /** Whether catalog-service answers, shared with every other cache of its answers. */
    public OutageGrace outage() {
        return outage;
    }

    /** Who these credentials belong to, working for their first project by name. */
    public PrincipalView principal(Credentials credentials) {
        return principal(credentials, null);
    }

    /**
     * Who these credentials belong to, working for {@code project} (null: the user's first project by name), for a
     * session already open on them: while catalog-service is unreachable, as it last said within the grace. Throws
     * {@link CatalogServiceException} with status 401 when nobody, 403 when not a member of the project.
     */
    public PrincipalView principal(Credentials credentials, String project) {
        return principals.get(new PrincipalKey(credentials, project), this::readPrincipal);
    }

    /**
     * As {@link #principal(Credentials, String)}, for a new login: while catalog-service is unreachable it is
     * refused, naming catalog-service, however recently the same credentials logged in.
     */
    public PrincipalView login(Credentials credentials, String project) {
        return principals.getConfirmed(new PrincipalKey(credentials, project), this::readPrincipal);
    }

    private PrincipalView readPrincipal(PrincipalKey key) {
        return get(
                key.project() == null ? "principal" : "principal?project=" + encode(key.project()),
                key.credentials().authorizationHeader(),
                PrincipalView.class);
    }

    /**
     * The tables published to an environment, as every user sees them (which of them a user may read or write is
     * the decision API's business): read once per environment with the gateway's token and shared by all sessions.
     * Throws {@link CatalogServiceException} when it is not cached and cannot be read.
     */
    public EnvironmentCatalogView environmentCatalog(String environment) {
        return catalogs.get(environment, this::readCatalog);
    }

    private EnvironmentCatalogView readCatalog(String environment) {
        return get("environments/" + encode(environment) + "/catalog", serviceAuthorization(), EnvironmentCatalogView.class);
    }

    /**
     * Reads the catalogs of these environments that are not cached or past half their TTL, so that sessions seldom
     * wait for one: called by the change feed after each poll, that is once the changes up to now are applied, so
     * that what it reads is at least as new as what the feed said. A failure is logged once while it lasts and
     * retried after half the TTL (an environment catalog-service has no catalog for is not asked every poll); a
     * session that mounts the environment meanwhile reads it itself, or fails with catalog-service's reason.
     */
    public void keepCatalogsWarm(List<String> environments) {
        long halfTtl = catalogTtl.toNanos() / 2;
        for (String environment : environments) {
            Optional<Duration> age = catalogs.age(environment);
            Long failedAt = failedReadAheads.get(environment);
            if ((age.isPresent() && age.get().toNanos() < halfTtl)
                    || (failedAt != null && System.nanoTime() - failedAt < halfTtl)) {
                continue;
            }
            try {
                catalogs.put(environment, readCatalog(environment));
                if (failedReadAheads.remove(environment) != null) {
                    LOG.info("The catalog of environment {} can be read again", environment);
                }
            } catch (CatalogServiceException e) {
                if (failedReadAheads.put(environment, System.nanoTime()) == null) {
                    LOG.warn("The catalog of environment {} cannot be read ahead of sessions: {}", environment, e.getMessage());
                }
            }
        }
    }

    /**
     * A data source's connection in an environment, secrets included: for planning inside the gateway only. The read
     * names {@code onBehalfOf}, the user whose statement needs it, and catalog-service's audit entry records them
     * next to the gateway. The cache is shared by every user, so a read happens, and names its user, only when the
     * connection is not cached: the audit names the user whose statement caused the read, not everyone who used it.
     */
    public ConnectionView connection(String environment, String dataSource, String onBehalfOf) {
        String authorization = serviceAuthorization();
        return connections.get(
                new ConnectionKey(environment, dataSource),
                k ->
                        get(
                                "environments/" + encode(environment) + "/datasources/" + encode(dataSource)
                                        + "/connection",
                                authorization,
                                onBehalfOf == null ? Map.of() : Map.of(ON_BEHALF_OF, onBehalfOf),
                                ConnectionView.class));
    }

    /** The functions a project's sessions use in an environment, read with the gateway's token; the caller caches them. */
    public List<ActiveFunctionView> activeFunctions(String project, String environment) {
        return List.of(get("projects/" + encode(project) + "/functions/active?environment=" + encode(environment),
                serviceAuthorization(), ActiveFunctionView[].class));
    }

    /** The bytes of one of a project's function artifacts; the caller checks them against the checksum. */
    public byte[] functionArtifact(String project, String sha256) {
        return send("projects/" + encode(project) + "/functions/artifacts/" + encode(sha256), serviceAuthorization(),
                Map.of(), "application/java-archive");
    }

    /** Records that a running job uses a version of a project function, which catalog-service then keeps from deletion. */
    public void functionJobStarted(String project, String function, int version, String jobId) {
        send("PUT", "projects/" + encode(project) + "/functions/" + encode(function) + "/versions/" + version + "/jobs/"
                + encode(jobId), serviceAuthorization(), Map.of(), "application/json");
    }

    /** Clears what catalog-service records of a job that has ended: its function versions may be deleted again. */
    public void functionJobEnded(String project, String jobId) {
        send("DELETE", "projects/" + encode(project) + "/functions/jobs/" + encode(jobId), serviceAuthorization(), Map.of(),
                "application/json");
    }

    /** Every job catalog-service records as using a function version. */
    public List<FunctionJobView> functionJobs() {
        return List.of(get("functions/jobs", serviceAuthorization(), FunctionJobView[].class));
    }

    /**
     * A version of a template the project may run (its own, else a platform preset), the newest when {@code version}
     * is null; read with the gateway's token and never cached: a run reads it once.
     */
    public TemplateView template(String project, String name, Integer version) {
        return get("projects/" + encode(project) + "/templates/" + encode(name)
                        + (version == null ? "" : "?version=" + version),
                serviceAuthorization(), TemplateView.class);
    }

    /**
     * A project's variables as statements in {@code environment} see them (null: the project's values only), secret
     * values included: for binding inside the gateway only. catalog-service's audit entry names {@code onBehalfOf},
     * the user whose statement needs them.
     */
    public List<VariableView> variables(String project, String environment, String onBehalfOf) {
        return List.of(get("projects/" + encode(project) + "/variables/resolved"
                        + (environment == null ? "" : "?environment=" + encode(environment)),
                serviceAuthorization(), Map.of(ON_BEHALF_OF, onBehalfOf), VariableView[].class));
    }

    /** A project's quota, read with the gateway's service token; the caller caches it. */
    public QuotaView quota(String project) {
        return get("projects/" + encode(project) + "/quota", serviceAuthorization(), QuotaView.class);
    }

    /** Where the change feed ends now: the cursor of a gateway that has nothing cached yet. */
    public long changeFeedEnd() {
        return get("changes/end", serviceAuthorization(), ChangeFeedEnd.class).lastId();
    }

    /**
     * Drops every cached catalog and connection: for what was read before the feed's position was known, which no
     * later event is guaranteed to correct.
     */
    public void forgetCatalogsAndConnections() {
        catalogs.invalidateAll();
        connections.invalidateAll();
    }

    /**
     * Reads the change feed after {@code cursor} and drops the cached catalog of every environment a table was
     * published to, so sessions see the change on their next statement, and the cached connections a data
     * admin changed; calls {@code accessChanged} once when any grant, public flag or blacklist changed, and
     * {@code quotaChanged} with each project whose quota changed, {@code functionsChanged} with each project whose
     * functions changed in an environment. An event of a kind this gateway does not know
     * (a newer catalog-service) drops every cached catalog, connection and decision, since it may be about any.
     *
     * @return the id of the last change read ({@code cursor} when there was none)
     */
    public long applyChanges(
            long cursor, Runnable accessChanged, Consumer<String> quotaChanged, Consumer<String> functionsChanged) {
        long last = cursor;
        boolean access = false;
        Set<String> published = new HashSet<>();
        ChangeEvent[] changes =
                get("changes?after=" + cursor + "&limit=" + CHANGE_BATCH, serviceAuthorization(), ChangeEvent[].class);
        for (ChangeEvent change : changes) {
            last = Math.max(last, change.id());
            if (change.kind() == null) {
                forgetCatalogsAndConnections();
                access = true;
                continue;
            }
            switch (change.kind()) {
                case PUBLISHED -> published.add(change.environment());
                case CONNECTION -> connections.invalidate(new ConnectionKey(change.environment(), change.dataSource()));
                case QUOTA -> quotaChanged.accept(change.project());
                case ACCESS -> access = true;
                case FUNCTION -> functionsChanged.accept(change.project());
            }
        }
        // once per environment, not per table: a burst of publications drops each catalog once
        catalogs.invalidateAll(published);
        if (access) {
            accessChanged.run();
        }
        return last;
    }

    private String serviceAuthorization() {
        if (serviceAuthorization == null) {
            throw new CatalogServiceException(
                    0,
                    "The gateway has no service token for catalog-service: set "
                            + "sql-gateway.endpoint.sluice.catalog-service.token-file.");
        }
        return serviceAuthorization;
    }

    private <T> T get(String path, String authorization, Class<T> type) {
        return get(path, authorization, Map.of(), type);
    }

    private <T> T get(String path, String authorization, Map<String, String> headers, Class<T> type) {
        byte[] body = send(path, authorization, headers, "application/json");
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new CatalogServiceException(200, "catalog-service answered " + path + " with unreadable JSON: " + e.getMessage());
        }
    }

    /** The body of a 2xx answer; throws {@link CatalogServiceException} with the status (0: unreachable) otherwise. */
    private byte[] send(String path, String authorization, Map<String, String> headers, String accept) {
        return send("GET", path, authorization, headers, accept);
    }

    private byte[] send(String method, String path, String authorization, Map<String, String> headers, String accept) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(api.resolve(path))
                        .timeout(timeout)
                        .header("Authorization", authorization)
                        .header("Accept", accept)
                        .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw outage.unreachable(api, 0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogServiceException(0, "Interrupted while waiting for catalog-service.");
        }
        if (response.statusCode() >= 500) {
            throw outage.unreachable(api, response.statusCode(), "it answered HTTP " + response.statusCode());
        }
        outage.answered(api);
        if (response.statusCode() / 100 != 2) {
            throw new CatalogServiceException(response.statusCode(), problemDetail(response));
        }
        return response.body();
    }

    /** The {@code detail} (else {@code title}) of an RFC 7807 problem, so the client reads catalog-service's words. */
    private static String problemDetail(HttpResponse<byte[]> response) {
        try {
            JsonNode problem = JSON.readTree(response.body());
            for (String field : new String[] {"detail", "title"}) {
                JsonNode value = problem.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return value.asText();
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the status line: the body is not a problem document
        }
        return "catalog-service answered HTTP " + response.statusCode() + ".";
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
