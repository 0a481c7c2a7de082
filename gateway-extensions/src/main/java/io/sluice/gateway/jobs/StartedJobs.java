package io.sluice.gateway.jobs;

import org.apache.flink.api.common.JobID;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.operation.OperationManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Holds back the cancellation of a query's job until every task of the job has started, so that no tenant's
 * cancel takes a TaskManager down.
 *
 * <p>Why: every interactive query ends in Flink's collect sink, and Flink 2.2.1 kills the whole TaskManager when
 * that sink is torn down before it was opened. {@code CollectSinkOperator.close()} calls
 * {@code CollectSinkFunction.accumulateFinalResults()}, which locks a lock created only when the sink initialises
 * its state; a task cancelled while it is still deploying or initialising closes the sink anyway, the
 * NullPointerException escapes the task's cleanup, and the task reports "FATAL - exception in exception handler" to
 * its TaskManager, which shuts down with every other tenant's tasks (FLINK-39330; the fix, apache/flink#28474, is
 * not released). A task turns RUNNING only after its operators were initialised and opened, so a job whose tasks are
 * all RUNNING or ended can be cancelled safely. Cancelling never starts a task either, so waiting here only delays
 * the cancel of a job that is starting anyway.
 *
 * <p>Each statement that a client cancels or closes, or that the gateway closes for a silent client or a closed
 * session, first waits here: for the statement's submission to return (until then its job has no id, and a cancel
 * would interrupt the submission and leave the job running with nobody to read it), then, for a query, until the
 * JobManager reports every task of its job started or the job ending, at most {@code maxWait} in all. A job still
 * waiting for slots after that is cancelled anyway: none of its tasks is on a TaskManager yet.
 *
 * <p>A query whose job fails by itself while its collect sink opens (its source fails at start) is beyond the
 * gateway's reach; the cluster must replace a TaskManager that dies (the local stack does).
 */
public final class StartedJobs {

    private static final Logger LOG = LoggerFactory.getLogger(StartedJobs.class);

    /** Task states before the task's operators are open (or, for CREATED and SCHEDULED, before it is deployed). */
    private static final Set<String> STARTING = Set.of("CREATED", "SCHEDULED", "DEPLOYING", "INITIALIZING", "RECONCILING");
    /** Job states in which Flink itself is already ending the job's tasks, or has. */
    private static final Set<String> ENDING = Set.of("FINISHED", "CANCELED", "FAILED", "CANCELLING", "FAILING", "SUSPENDED");
    private static final long POLL_MILLIS = 50;

    private final SqlGatewayServiceImpl flink;
    private final JobManagerRest cluster;
    private final long maxWaitNanos;

    /** @param maxWait the longest a cancel waits for a job's start; zero cancels at once (Flink's own behaviour) */
    public StartedJobs(SqlGatewayServiceImpl flink, JobManagerRest cluster, Duration maxWait) {
        this.flink = flink;
        this.cluster = cluster;
        this.maxWaitNanos = maxWait.toNanos();
        if (!OperationResults.readable()) {
            LOG.error(
                    "This Flink version keeps a statement's job id elsewhere than Flink 2.2.1: cancelled queries are "
                            + "no longer held back until their job started, and a query cancelled while its collect "
                            + "sink opens may kill its TaskManager (FLINK-39330).");
        }
    }

    /** Waits until the statement's job, if it is a query's, may be cancelled (see the class comment). */
    public void awaitStarted(SessionHandle session, OperationHandle operation) {
        awaitStarted(session, List.of(operation));
    }

    /** As {@link #awaitStarted(SessionHandle, OperationHandle)} for several statements, within one {@code maxWait}. */
    public void awaitStarted(SessionHandle session, Collection<OperationHandle> operations) {
        if (maxWaitNanos <= 0 || operations.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        Map<String, String> config;
        try {
            config = flink.getSessionConfig(session);
        } catch (SqlGatewayException gone) {
            return;
        }
        for (OperationHandle operation : operations) {
            queryJob(session, operation, deadline).ifPresent(job -> awaitTasksStarted(job.toHexString(), config, deadline));
        }
    }

    /** Waits until a job named by id (STOP JOB) may be cancelled, at most {@code maxWait}. */
    public void awaitStarted(String jobId, Map<String, String> sessionConfig) {
        if (maxWaitNanos > 0) {
            awaitTasksStarted(jobId, sessionConfig, System.nanoTime() + maxWaitNanos);
        }
    }

    /** The job of a query statement, once its submission has returned; empty for other statements. */
    private Optional<JobID> queryJob(SessionHandle session, OperationHandle handle, long deadline) {
        if (!OperationResults.readable()) {
            return Optional.empty();
        }
        Optional<OperationManager.Operation> found = OperationResults.operation(flink, session, handle);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OperationManager.Operation operation = found.get();
        // until its submission has returned, a query has no job id
        boolean submitted = operation.getOperationInfo().getStatus().isTerminalStatus();
        while (!submitted && pause(deadline)) {
            submitted = operation.getOperationInfo().getStatus().isTerminalStatus();
        }
        return OperationResults.queryResult(operation).flatMap(OperationResults::jobOf);
    }

    private void awaitTasksStarted(String jobId, Map<String, String> sessionConfig, long deadline) {
        long waitedFrom = System.nanoTime();
        while (true) {
            Optional<JsonNode> job = cluster.job(jobId, "", sessionConfig);
            if (job.isEmpty() || started(job.get())) {
                // unknown to the cluster (or the cluster does not answer): there is no task to protect
                return;
            }
            if (!pause(deadline)) {
                LOG.warn(
                        "Cancelling job {} although not all its tasks have started after {} ms (job {}, tasks {})",
                        jobId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitedFrom),
                        job.get().path("state").asText(), job.get().path("status-counts"));
                return;
            }
        }
    }

    /** Whether cancelling the job now tears down no collect sink that is still opening. */
    static boolean started(JsonNode job) {
        String state = job.path("state").asText();
        if (ENDING.contains(state)) {
            return true;
        }
        JsonNode tasks = job.path("status-counts");
        return "RUNNING".equals(state) && tasks.size() > 0 && STARTING.stream().allMatch(s -> tasks.path(s).asInt(0) == 0);
    }

    /** Sleeps one poll interval unless the deadline has passed; false when it has (or the thread is interrupted). */
    private static boolean pause(long deadline) {
        if (System.nanoTime() >= deadline) {
            return false;
        }
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
