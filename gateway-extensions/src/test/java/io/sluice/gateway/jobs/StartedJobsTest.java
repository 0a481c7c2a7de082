package io.sluice.gateway.jobs;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a job may be cancelled, read from the JobManager's job details ({@code GET /jobs/:id}, shaped as Flink 2.2.1
 * answers); {@code CancelAtStartTest} shows the wait end to end.
 */
class StartedJobsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsTheJobOfAStatementInThisFlinkVersion() {
        assertThat(OperationResults.readable()).as("Flink 2.2.1's OperationManager.Operation and ResultFetcher fields").isTrue();
    }

    @Test
    void aJobWhoseTasksAllRunOrEndedMayBeCancelled() throws Exception {
        assertThat(started("RUNNING", "{\"RUNNING\":2,\"DEPLOYING\":0,\"INITIALIZING\":0}")).isTrue();
        assertThat(started("RUNNING", "{\"RUNNING\":1,\"FINISHED\":1,\"CREATED\":0}")).isTrue();
    }

    @Test
    void aJobWithATaskNotYetOpenWaits() throws Exception {
        for (String starting : new String[] {"CREATED", "SCHEDULED", "DEPLOYING", "INITIALIZING", "RECONCILING"}) {
            assertThat(started("RUNNING", "{\"RUNNING\":1,\"" + starting + "\":1}")).as(starting).isFalse();
        }
        assertThat(started("INITIALIZING", "{}")).as("a job the JobManager has not scheduled yet").isFalse();
        assertThat(started("RESTARTING", "{\"CANCELED\":2}")).as("a restarting job redeploys its tasks").isFalse();
    }

    @Test
    void aJobThatEndsAnywayMayBeCancelled() throws Exception {
        for (String ending : new String[] {"FINISHED", "CANCELED", "FAILED", "CANCELLING", "FAILING"}) {
            assertThat(started(ending, "{\"DEPLOYING\":1}")).as(ending).isTrue();
        }
    }

    private static boolean started(String state, String statusCounts) throws Exception {
        return StartedJobs.started(JSON.readTree("{\"state\":\"" + state + "\",\"status-counts\":" + statusCounts + "}"));
    }
}
