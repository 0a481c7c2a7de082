package io.sluice.gateway.session;

import io.sluice.gateway.jobs.JobManagerRest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

/**
 * Which project a Flink job belongs to. Every session tags its jobs with {@code sluice.project} in
 * {@code pipeline.global-job-parameters} (a key sessions may not set), and the cluster reports it back in the job's
 * configuration ({@code GET /jobs/:id/config} of the JobManager's REST API, found from the session's
 * {@code rest.address}/{@code rest.port}). An owner never changes, so answers are cached.
 */
final class JobOwnership {

    static final String PROJECT_TAG = "sluice.project";
    static final String USER_TAG = "sluice.user";

    private final JobManagerRest cluster = new JobManagerRest();
    private final Cache<String, Optional<String>> owners = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The job's project, empty when the job is unknown or was not started through this gateway. */
    Optional<String> project(String jobId, Map<String, String> sessionConfig) {
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
        return cluster.job(jobId, "/config", sessionConfig)
                .map(config -> config.path("execution-config").path("user-config").path(PROJECT_TAG))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }
}
