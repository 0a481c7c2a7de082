package io.sluice.gateway.gate;

/** Which Flink jobs a session may see and act on: those of its own project. */
@FunctionalInterface
public interface JobScope {

    /** Whether the job with this id (as the statement names it) belongs to the session's project. */
    boolean isOwn(String jobId);

    /**
     * Called before a job of the project is stopped: cancelling a job whose tasks are still starting can take a
     * TaskManager down (FLINK-39330), so the gateway waits for them first.
     */
    default void beforeStopping(String jobId) {}
}
