package io.sluice.gateway.admission;

import io.sluice.gateway.jobs.JobManagerRest;
import io.sluice.gateway.session.JobOwnership;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Flink cluster holds, read from its JobManager's REST API: slots ({@code /overview}), the jobs that have
 * not ended ({@code /jobs}), the slots each holds (its highest vertex parallelism, {@code /jobs/:id}: Flink SQL puts
 * every operator of a job in one slot-sharing group) and the project it belongs to (its {@code sluice.project} tag).
 * Reading the cluster rather than counting what this gateway admitted stays right with detached jobs, jobs that end
 * or fail on their own, jobs of other gateways, and TaskManagers that come and go.
 */
public final class ClusterSlots {

    /** A job's slots, 0 while it initializes (Flink reports its vertices only once its execution graph exists). */
    public record Job(String id, String project, int slots) {
        boolean slotsKnown() {
            return slots > 0;
        }
    }

    /** One reading of the cluster. */
    public record Reading(long takenAtNanos, int totalSlots, int availableSlots, List<Job> jobs) {}

    private final JobManagerRest jobManager;
    private final Map<String, String> clusterAddress;
    private final JobOwnership owners;
    /** A job's parallelism does not change while it runs: asked once per job. */
    private final Cache<String, Integer> slotsOfJob = Caffeine.newBuilder().maximumSize(10_000).build();

    /**
     * @param host the JobManager's {@code rest.address}
     * @param port the JobManager's {@code rest.port}
     */
    public ClusterSlots(JobManagerRest jobManager, String host, int port, JobOwnership owners) {
        this.jobManager = jobManager;
        this.clusterAddress = Map.of(RestOptions.ADDRESS.key(), host, RestOptions.PORT.key(), String.valueOf(port));
        this.owners = owners;
    }

    /** Reads the cluster now; throws {@link IOException} when the JobManager cannot be read. */
    public Reading read() throws IOException {
        long takenAt = System.nanoTime();
        JsonNode overview = get("overview");
        List<Job> jobs = new ArrayList<>();
        for (JsonNode job : get("jobs").path("jobs")) {
            String id = job.path("id").asText();
            if (!JobStatus.valueOf(job.path("status").asText()).isTerminalState()) {
                jobs.add(new Job(id, owners.project(id, clusterAddress).orElse(null), slots(id)));
            }
        }
        return new Reading(
                takenAt, overview.path("slots-total").asInt(), overview.path("slots-available").asInt(), List.copyOf(jobs));
    }

    private int slots(String jobId) throws IOException {
        Integer known = slotsOfJob.getIfPresent(jobId);
        if (known != null) {
            return known;
        }
        int slots = 0;
        for (JsonNode vertex : get("jobs/" + jobId).path("vertices")) {
            slots = Math.max(slots, vertex.path("parallelism").asInt());
        }
        if (slots > 0) {
            slotsOfJob.put(jobId, slots);
        }
        return slots;
    }

    private JsonNode get(String path) throws IOException {
        return jobManager.get(clusterAddress, path);
    }
}
