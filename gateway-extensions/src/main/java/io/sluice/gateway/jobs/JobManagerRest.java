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
        if (!isJobId(jobId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(get(sessionConfig, "jobs/" + jobId + part));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code GET <path>} of the JobManager's REST API at the session's address.
     *
     * @throws IOException when the JobManager cannot be read or answers other than 200
     */
    public JsonNode get(Map<String, String> sessionConfig, String path) throws IOException {
        return JSON.readTree(send(sessionConfig, "GET", path));
    }

    /** Cancels a job ({@code PATCH /jobs/:id?mode=cancel}); the caller has let its tasks start (see StartedJobs). */
    public void cancel(String jobId, Map<String, String> sessionConfig) throws IOException {
        if (!isJobId(jobId)) {
            throw new IOException("not a job id");
        }
        send(sessionConfig, "PATCH", "jobs/" + jobId + "?mode=cancel");
    }

    private String send(Map<String, String> sessionConfig, String method, String path) throws IOException {
        String host = sessionConfig.getOrDefault(RestOptions.ADDRESS.key(), "localhost");
        String port = sessionConfig.getOrDefault(RestOptions.PORT.key(), String.valueOf(RestOptions.PORT.defaultValue()));
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/" + path))
                        .timeout(Duration.ofSeconds(10))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("the JobManager answered " + method + " " + path + " with HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the JobManager's " + path, e);
        }
    }

    /** A Flink job id (32 hex digits): anything else never reaches the JobManager's URL. */
    private static boolean isJobId(String jobId) {
        return jobId.matches("[0-9a-fA-F]{32}");
    }
}
