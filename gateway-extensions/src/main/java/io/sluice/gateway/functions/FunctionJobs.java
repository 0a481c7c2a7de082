package io.sluice.gateway.functions;

import io.sluice.contract.FunctionJobView;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.gate.JobScope;
import io.sluice.gateway.jobs.JobManagerRest;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells catalog-service which running jobs use which versions of a project's functions, so that a version is not
 * deleted under a job, and clears the records of jobs that have ended.
 *
 * <p>A job whose use cannot be recorded is cancelled and its statement fails (fail closed): a job catalog-service does
 * not know of could lose its function's artifact to a deletion while it runs.
 *
 * <p>The gateway keeps no state about running jobs (it may restart, or another gateway may have started the job), so
 * ended jobs are found by reconciliation, not by watching statements: every interval, the jobs catalog-service records
 * are looked up on the JobManager, and those it reports globally terminal, or does not know, are cleared.
 */
public final class FunctionJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionJobs.class);
    private static final Set<String> ENDED = Set.of("FINISHED", "CANCELED", "FAILED");

    private final CatalogServiceClient catalogService;
    private final JobManagerRest jobManager;
    private final Map<String, String> clusterConfig;
    private final ScheduledExecutorService reconciler;

    /**
     * @param clusterConfig the gateway's Flink configuration, whose {@code rest.address} and {@code rest.port} name the
     *     JobManager its sessions' jobs run on
     * @param interval how often ended jobs are cleared; zero never
     */
    public FunctionJobs(
            CatalogServiceClient catalogService, JobManagerRest jobManager, Map<String, String> clusterConfig, Duration interval) {
        this.catalogService = catalogService;
        this.jobManager = jobManager;
        this.clusterConfig = Map.copyOf(clusterConfig);
        if (interval.isZero() || interval.isNegative()) {
            this.reconciler = null;
        } else {
            this.reconciler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "sluice-function-jobs");
                thread.setDaemon(true);
                return thread;
            });
            reconciler.scheduleWithFixedDelay(this::reconcileQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Records that a job just started uses these function versions; when catalog-service does not take the record,
     * cancels the job and fails the statement.
     */
    public void started(String jobId, Set<FunctionUse> uses, JobScope jobs, Map<String, String> sessionConfig) {
        for (FunctionUse use : uses) {
            try {
                catalogService.functionJobStarted(use.project(), use.function(), use.version(), jobId);
            } catch (CatalogServiceException e) {
                LOG.warn("Cancelling job {}: catalog-service did not record that it uses {} version {} of project {}: {}",
                        jobId, use.function(), use.version(), use.project(), e.getMessage());
                cancel(jobId, jobs, sessionConfig);
                throw ClientError.unavailable(
                                "The job was cancelled: the gateway could not record that it uses function '"
                                        + use.function() + "' version " + use.version()
                                        + ", which keeps that version from being deleted while the job runs. Try again later.")
                        .raise();
            }
        }
    }

    /** Clears the records of jobs the JobManager reports ended or does not know; a round that cannot read either skips. */
    void reconcile() throws IOException {
        Map<String, String> states = new HashMap<>();
        for (JsonNode job : jobManager.get(clusterConfig, "jobs").path("jobs")) {
            states.put(job.path("id").asText(), job.path("status").asText());
        }
        for (FunctionJobView recorded : catalogService.functionJobs()) {
            String state = states.get(recorded.jobId());
            if (state == null || ENDED.contains(state)) {
                catalogService.functionJobEnded(recorded.project(), recorded.jobId());
                LOG.info("Job {} of project {} has ended ({}): its function versions may be deleted again",
                        recorded.jobId(), recorded.project(), state == null ? "unknown to the JobManager" : state);
            }
        }
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not clear the function records of ended jobs this round: {}", e.getMessage());
        }
    }

    private void cancel(String jobId, JobScope jobs, Map<String, String> sessionConfig) {
        jobs.beforeStopping(jobId); // a query's job is cancelled only once its collect sink opened (FLINK-39330)
        try {
            jobManager.cancel(jobId, sessionConfig);
        } catch (IOException e) {
            LOG.error("Could not cancel job {}, whose function versions are not recorded: {}", jobId, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (reconciler != null) {
            reconciler.shutdownNow();
        }
    }
}
