package io.sluice.gateway.gate;

/** Which Flink jobs a session may see and act on: those of its own project. */
@FunctionalInterface
public interface JobScope {

    /** Whether the job with this id (as the statement names it) belongs to the session's project. */
    boolean isOwn(String jobId);
}
