package io.sluice.gateway.testing;

import io.sluice.localstack.LocalStack;
import io.sluice.localstack.StandaloneCluster;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one {@link LocalStack} on a {@link StandaloneCluster} that the cluster tests share (they run in a surefire
 * execution of their own, so the cluster starts once for all of them): two TaskManager processes of two slots each,
 * the gateway in this JVM talking to the JobManager as {@code execution.target: remote}.
 */
public final class ClusterStack extends LocalStack {

    private static ClusterStack instance;

    private ClusterStack() throws Exception {
        super(new Settings(2, GatewayStack.CATALOG_TTL, GatewayStack.CHANGE_POLL, GatewayStack.ABANDONED_AFTER, 0, 0, 0, 0)
                .onStandaloneCluster());
    }

    public static synchronized ClusterStack get() {
        if (instance == null) {
            try {
                instance = new ClusterStack();
            } catch (Exception e) {
                throw new IllegalStateException("The cluster stack did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    public StandaloneCluster cluster() {
        return standaloneCluster;
    }

    /** The cluster's jobs in a state other than a terminal one. */
    public Set<String> runningJobs() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (JsonNode job : cluster().rest("/jobs/overview").path("jobs")) {
            String state = job.path("state").asText();
            if (!state.equals("FINISHED") && !state.equals("CANCELED") && !state.equals("FAILED")) {
                ids.add(job.path("jid").asText());
            }
        }
        return ids;
    }

    /** The job's state as the JobManager reports it. */
    public String state(String jobId) throws IOException {
        return cluster().rest("/jobs/" + jobId).path("state").asText();
    }

    /** Waits until the job is in {@code state}; fails naming the state it is in. */
    public void awaitState(String jobId, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!state.equals(state(jobId))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " is " + state(jobId) + ", not " + state + ", after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** Waits until every task of the job is RUNNING, so that it reads its input. */
    public void awaitTasksRunning(String jobId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode job = cluster().rest("/jobs/" + jobId);
            boolean all = job.path("state").asText().equals("RUNNING");
            for (JsonNode vertex : job.path("vertices")) {
                all &= vertex.path("status").asText().equals("RUNNING");
            }
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " is not running all its tasks after " + timeout + ": " + job);
            }
            Thread.sleep(200);
        }
    }

    /** The resource ids of the TaskManagers that run the job's tasks, from the JobManager's REST API. */
    public Set<String> taskManagersOf(String jobId) throws IOException {
        Set<String> taskManagers = new LinkedHashSet<>();
        for (JsonNode vertex : cluster().rest("/jobs/" + jobId).path("vertices")) {
            JsonNode placed = cluster().rest("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/taskmanagers");
            placed.path("taskmanagers").forEach(tm -> taskManagers.add(tm.path("taskmanager-id").asText()));
        }
        return taskManagers;
    }

    /** Completed checkpoints of the job, from the JobManager's REST API. */
    public long completedCheckpoints(String jobId) throws IOException {
        return cluster().rest("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    /** Restores the cluster for the next test: every TaskManager running, no job left. */
    public void reset() throws Exception {
        for (String job : runningJobs()) {
            cluster().cancel(job);
        }
        for (int i = 0; i < cluster().taskManagerCount(); i++) {
            if (!cluster().registeredTaskManagers().contains(StandaloneCluster.taskManagerId(i))) {
                try {
                    cluster().restartTaskManager(i);
                } catch (IllegalStateException running) {
                    // still running, only not registered again yet
                }
            }
        }
    }
}
