package io.sluice.gateway.testing;

import io.sluice.localstack.LocalStack;

import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;

/** The one {@link LocalStack} the gateway's end-to-end tests share, started on first use, stopped with the JVM. */
public final class GatewayStack extends LocalStack {

    /**
     * Slots of the MiniCluster: few, so that a job nobody cancels starves the next one (a soak run may ask for more
     * with {@code -Dstack.slots=4}).
     */
    public static final int SLOTS = Integer.getInteger("stack.slots", 2);

    /** Long, so that what open sessions see of a publication is the change feed's doing (production default: 30 s). */
    public static final Duration CATALOG_TTL = Duration.ofMinutes(5);

    /** How often the gateway reads catalog-service's change feed in these tests (production default: 2 s). */
    public static final Duration CHANGE_POLL = Duration.ofMillis(300);

    /** How long a silent client's statements live in these tests (production default: 20 s). */
    public static final Duration ABANDONED_AFTER = Duration.ofSeconds(8);

    /**
     * Longest wait of a statement for slots at the gateway in these tests (production default: 2 min): longer than
     * a killed client's job lives ({@link #ABANDONED_AFTER} and the reaper's period) and than a burst of 40 short
     * queries takes on 2 slots, short enough to test; a soak run may ask for more with
     * {@code -Dadmission.max-wait-seconds=600}.
     */
    public static final Duration ADMISSION_WAIT = Duration.ofSeconds(Long.getLong("admission.max-wait-seconds", 45));

    private static GatewayStack instance;

    private GatewayStack() throws Exception {
        super(
                new Settings(SLOTS, CATALOG_TTL, CHANGE_POLL, ABANDONED_AFTER, 0, 0, 0, 0),
                null,
                Map.of("admission.max-wait", ADMISSION_WAIT.toMillis() + " ms",
                        // so that a test sees a stopped job's function versions freed within seconds (default: 1 min)
                        "function.job-reconcile-interval", "1 s"));
    }

    /**
     * The shared stack with every slot free: cancels jobs an earlier test class left running (a failed test may not
     * reach its cleanup), so that each class starts on an idle cluster. Call once per class, before its tests.
     */
    public static GatewayStack withFreeSlots() {
        GatewayStack stack = get();
        try {
            for (JobStatusMessage job : stack.miniCluster.listJobs().get()) {
                if (!job.getJobState().isGloballyTerminalState()) {
                    stack.miniCluster.cancelJob(job.getJobId()).get();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not cancel the jobs left running: " + e.getMessage(), e);
        }
        return stack;
    }

    /** The ids of the TaskManagers registered with the cluster, from its REST API as an operator would read them. */
    public Set<String> taskManagerIds() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(miniCluster.getRestAddress().get().resolve("/taskmanagers")).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
        Set<String> ids = new TreeSet<>();
        new ObjectMapper().readTree(response.body()).path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        return ids;
    }

    public static synchronized GatewayStack get() {
        if (instance == null) {
            try {
                instance = new GatewayStack();
            } catch (Exception e) {
                throw new IllegalStateException("The test stack did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }
}
