package io.sluice.gateway.catalogservice;

import io.sluice.contract.ConnectionView;
import io.sluice.contract.EnvironmentCatalogView;
import io.sluice.contract.PrincipalView;
import io.sluice.contract.QuotaView;
import io.sluice.gateway.auth.Credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * catalog-service's HTTP API as the gateway uses it, behind Caffeine caches whose TTLs bound how stale a
 * session's view may be. Users' calls carry the user's own credentials, so catalog-service applies its own
 * rules to them; only connections (with secrets) are read with the gateway's service token.
 */
public final class CatalogServiceClient {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final String PUBLISHED = "published";
    private static final String ACCESS = "access";
    private static final String CONNECTION = "connection";
    private static final String QUOTA = "quota";
    private static final int CHANGE_BATCH = 500;

    private final URI api;
    private final String serviceAuthorization;
    private final Duration timeout;
    private final HttpClient http;

    private final Cache<PrincipalKey, PrincipalView> principals;
    private final Cache<CatalogKey, EnvironmentCatalogView> catalogs;
    private final Cache<ConnectionKey, ConnectionView> connections;

    private record PrincipalKey(Credentials credentials, String project) {}

    private record CatalogKey(Credentials credentials, String environment) {}

    private record ConnectionKey(String environment, String dataSource) {}

    public CatalogServiceClient(
            URI baseUrl,
            String serviceToken,
            Duration timeout,
            Duration loginTtl,
            Duration catalogTtl,
            Duration connectionTtl,
            int maxEntries) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.api = URI.create(base + "/api/v1/");
        this.serviceAuthorization = serviceToken == null ? null : Credentials.bearer(serviceToken).authorizationHeader();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.principals = Caffeine.newBuilder().expireAfterWrite(loginTtl).maximumSize(maxEntries).build();
        this.catalogs = Caffeine.newBuilder().expireAfterWrite(catalogTtl).maximumSize(maxEntries).build();
        this.connections = Caffeine.newBuilder().expireAfterWrite(connectionTtl).maximumSize(maxEntries).build();
    }

    /** Who these credentials belong to, working for their first project by name. */
    public PrincipalView principal(Credentials credentials) {
        return principal(credentials, null);
    }

    /**
     * Who these credentials belong to, working for {@code project} (null: the user's first project by name);
     * throws {@link CatalogServiceException} with status 401 when nobody, 403 when not a member of the project.
     */
    public PrincipalView principal(Credentials credentials, String project) {
        return principals.get(
                new PrincipalKey(credentials, project),
                key ->
                        get(
                                project == null ? "principal" : "principal?project=" + encode(project),
                                credentials.authorizationHeader(),
                                PrincipalView.class));
    }

    /** The tables published to an environment, as this user may see them. */
    public EnvironmentCatalogView environmentCatalog(Credentials credentials, String environment) {
        return catalogs.get(
                new CatalogKey(credentials, environment),
                k ->
                        get(
                                "environments/" + encode(environment) + "/catalog",
                                credentials.authorizationHeader(),
                                EnvironmentCatalogView.class));
    }

    /** A data source's connection in an environment, secrets included: for planning inside the gateway only. */
    public ConnectionView connection(String environment, String dataSource) {
        String authorization = serviceAuthorization();
        return connections.get(
                new ConnectionKey(environment, dataSource),
                k ->
                        get(
                                "environments/" + encode(environment) + "/datasources/" + encode(dataSource)
                                        + "/connection",
                                authorization,
                                ConnectionView.class));
    }

    /** A project's quota, read with the gateway's service token; the caller caches it. */
    public QuotaView quota(String project) {
        return get("projects/" + encode(project) + "/quota", serviceAuthorization(), QuotaView.class);
    }

    /**
     * Forgets this user's cached environment catalogs, so that a new session starts from catalog-service's current
     * state; sessions already open see changes once the catalog TTL has passed.
     */
    public void forgetCatalogs(Credentials credentials) {
        catalogs.asMap().keySet().removeIf(key -> key.credentials().equals(credentials));
    }

    /**
     * Reads the change feed after {@code cursor} and drops the cached catalogs of every environment a table was
     * published to, so open sessions see the change on their next statement, and the cached connections a data
     * admin changed; calls {@code accessChanged} once when any grant, public flag or blacklist changed, and
     * {@code quotaChanged} with each project whose quota changed.
     *
     * @return the id of the last change read ({@code cursor} when there was none)
     */
    public long applyChanges(long cursor, Runnable accessChanged, Consumer<String> quotaChanged) {
        long last = cursor;
        boolean access = false;
        JsonNode changes = get("changes?after=" + cursor + "&limit=" + CHANGE_BATCH, serviceAuthorization(), JsonNode.class);
        for (JsonNode change : changes) {
            last = Math.max(last, change.path("id").asLong());
            if (PUBLISHED.equals(change.path("kind").asText())) {
                String environment = change.path("environment").asText();
                catalogs.asMap().keySet().removeIf(key -> key.environment().equals(environment));
            }
            if (CONNECTION.equals(change.path("kind").asText())) {
                connections.invalidate(
                        new ConnectionKey(change.path("environment").asText(), change.path("dataSource").asText()));
            }
            if (QUOTA.equals(change.path("kind").asText())) {
                quotaChanged.accept(change.path("project").asText());
            }
            access |= ACCESS.equals(change.path("kind").asText());
        }
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
        HttpRequest request =
                HttpRequest.newBuilder(api.resolve(path))
                        .timeout(timeout)
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .GET()
                        .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CatalogServiceException(
                    0, "catalog-service at " + api + " cannot be reached (" + e.getMessage() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogServiceException(0, "Interrupted while waiting for catalog-service.");
        }
        try {
            if (response.statusCode() / 100 != 2) {
                throw new CatalogServiceException(response.statusCode(), problemDetail(response));
            }
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new CatalogServiceException(
                    response.statusCode(), "catalog-service answered " + path + " with unreadable JSON: " + e.getMessage());
        }
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
