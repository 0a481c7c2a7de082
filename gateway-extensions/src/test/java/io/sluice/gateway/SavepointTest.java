package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;

import org.junit.jupiter.api.BeforeAll;

/** {@link SavepointCases} on the shared MiniCluster stack. */
class SavepointTest extends SavepointCases {

    @BeforeAll
    static void onMiniCluster() {
        publishTopics(GatewayStack.withFreeSlots());
    }
}
