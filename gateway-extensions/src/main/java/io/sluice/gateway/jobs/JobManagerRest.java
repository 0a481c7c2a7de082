package io.sluice.gateway.jobs;

import org.apache.flink.configuration.RestOptions;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API of the JobManager a session's jobs run on, found from the session's {@code rest.address} and
 * {@code rest.port} (as for {@code execution.target: remote}), so it works wherever the cluster runs.
 */
public final class JobManagerRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The job's details ({@code GET /jobs/:id/<part>}); empty for a malformed id, an unknown job or no answer. */
    public Optional<JsonNode> job(String jobId, String part, Map<String, String> sessionConfig) {
        if (!jobId.matches("[0-9a-fA-F]{32}")) {
            return Optional.empty();
        }
        String host = sessionConfig.getOrDefault(RestOptions.ADDRESS.key(), "localhost");
        String port = sessionConfig.getOrDefault(RestOptions.PORT.key(), String.valueOf(RestOptions.PORT.defaultValue()));
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/jobs/" + jobId + part))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
