package io.sluice.gateway.cluster;

import io.sluice.gateway.SavepointCases;
import io.sluice.gateway.testing.ClusterStack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link SavepointCases} on the standalone cluster: the JobManager, a JVM of its own, writes the savepoint into the
 * project's folder and the TaskManagers restore the resumed statement from it.
 */
class ClusterSavepointTest extends SavepointCases {

    @BeforeAll
    static void onStandaloneCluster() {
        publishTopics(ClusterStack.get());
    }

    @AfterEach
    void reset() throws Exception {
        ClusterStack.get().reset();
    }
}
