package io.sluice.gateway.access;

import io.sluice.contract.AccessCheck;
import io.sluice.contract.AccessDecision;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.catalogservice.OutageGrace;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.type.TypeReference;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * catalog-service's decision API, {@code POST /api/v1/access/decisions}, asked with the gateway's service token:
 * a batch of checks in, one decision per check out, in the same order. Tells the {@link OutageGrace} whether
 * catalog-service answered, as every other client of catalog-service does.
 */
public final class DecisionClient {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<AccessDecision>> DECISIONS = new TypeReference<>() {};

    private final URI decisions;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final OutageGrace outage;

    public DecisionClient(URI catalogServiceUrl, String serviceToken, Duration timeout, OutageGrace outage) {
        this.decisions = URI.create(catalogServiceUrl.toString().replaceAll("/+$", "") + "/api/v1/access/decisions");
        this.authorization = "Bearer " + serviceToken;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.outage = outage;
    }

    /** Whether catalog-service answers, shared with every cache of its answers. */
    public OutageGrace outage() {
        return outage;
    }

    /**
     * The decisions on {@code checks}, in their order; throws {@link CatalogServiceException} when there is no
     * answer ({@link CatalogServiceException#unreachable()} when catalog-service could not give one).
     */
    public List<AccessDecision> decide(List<AccessCheck> checks) {
        HttpResponse<byte[]> response;
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(decisions)
                            .timeout(timeout)
                            .header("Authorization", authorization)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(checks)))
                            .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw outage.unreachable(decisions, 0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogServiceException(0, "Interrupted while waiting for catalog-service.");
        }
        if (response.statusCode() >= 500) {
            throw outage.unreachable(decisions, response.statusCode(), "it answered the access check with HTTP " + response.statusCode());
        }
        outage.answered(decisions);
        if (response.statusCode() / 100 != 2) {
            throw new CatalogServiceException(
                    response.statusCode(),
                    "catalog-service answered the access check with HTTP " + response.statusCode() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
        }
        List<AccessDecision> answer;
        try {
            answer = JSON.readValue(response.body(), DECISIONS);
        } catch (IOException e) {
            throw new CatalogServiceException(
                    response.statusCode(),
                    "catalog-service answered the access check with unreadable JSON: " + e.getMessage());
        }
        if (answer.size() != checks.size()) {
            throw new CatalogServiceException(
                    response.statusCode(),
                    "catalog-service answered " + answer.size() + " decisions to " + checks.size() + " checks");
        }
        return answer;
    }
}
