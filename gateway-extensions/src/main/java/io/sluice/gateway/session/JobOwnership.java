package io.sluice.gateway.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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
 * Which project a Flink job belongs to. Every session tags its jobs with {@code sluice.project} in
 * {@code pipeline.global-job-parameters} (a key sessions may not set), and the cluster reports it back in the job's
 * configuration ({@code GET /jobs/:id/config} of the JobManager's REST API, found from the session's
 * {@code rest.address}/{@code rest.port}). An owner never changes, so answers are cached.
 */
public final class JobOwnership {

    public static final String PROJECT_TAG = "sluice.project";
    static final String USER_TAG = "sluice.user";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Cache<String, Optional<String>> owners = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The job's project, empty when the job is unknown or was not started through this gateway. */
    public Optional<String> project(String jobId, Map<String, String> sessionConfig) {
        Optional<String> cached = owners.getIfPresent(jobId);
        if (cached != null) {
            return cached;
        }
        Optional<String> project = askCluster(jobId, sessionConfig);
        if (project.isPresent()) {
            owners.put(jobId, project);
        }
        return project;
    }

    private Optional<String> askCluster(String jobId, Map<String, String> sessionConfig) {
        String host = sessionConfig.getOrDefault(RestOptions.ADDRESS.key(), "localhost");
        String port = sessionConfig.getOrDefault(RestOptions.PORT.key(), String.valueOf(RestOptions.PORT.defaultValue()));
        if (!jobId.matches("[0-9a-fA-F]{32}")) {
            return Optional.empty();
        }
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/jobs/" + jobId + "/config"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode project = JSON.readTree(response.body()).path("execution-config").path("user-config").path(PROJECT_TAG);
            return project.isTextual() ? Optional.of(project.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
