package io.sluice.contract;

/**
 * A job the gateway reported as using a version of one of its project's functions, as {@code GET /api/v1/functions/jobs}
 * lists them: the gateway keeps no state of its own about running jobs, so it reads these to find the records of jobs
 * that have ended and clears them.
 *
 * @param project the project whose function versions the job uses
 * @param jobId the Flink job id (32 hex digits)
 */
public record FunctionJobView(String project, String jobId) {}
