package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayRest;
import io.sluice.gateway.testing.GatewayStack;

import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant who cancels, closes or walks away from a query at any moment of its start must not take a TaskManager
 * down (Flink 2.2.1 kills the TaskManager when a collect sink is torn down before it opened, FLINK-39330). The
 * query has two tasks (a Kafka source, then the aggregate with the collect sink), so the sink's task is still opening
 * while the source's runs.
 */
class CancelAtStartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = "SELECT customer, COUNT(*) FROM test.demo_kafka.orders GROUP BY customer";

    /** When the client gives up: so long after sending the statement, or after its submission returned. */
    private record Moment(boolean afterSubmission, int delayMs) {}

    /**
     * While the statement is planned and its job submitted, then (where a TaskManager can die) every 40 ms while the
     * job's tasks deploy and open.
     */
    private static final List<Moment> MOMENTS = moments();

    private static GatewayStack stack;
    private static GatewayRest rest;

    @BeforeAll
    static void dataInTopic() {
        stack = GatewayStack.withFreeSlots();
        stack.produce("orders", List.of("{\"order_id\":200,\"customer\":\"lu\",\"amount\":2.00,\"order_time\":\"2026-11-02 09:00:00\"}"));
        rest = new GatewayRest(
                stack.restUrl(),
                "Basic " + Base64.getEncoder().encodeToString((ALICE + ":" + ALICE_PASSWORD).getBytes()));
    }

    @Test
    void queriesCancelledAtEveryMomentOfTheirStartLeaveEveryTaskManagerAlive() throws Exception {
        Set<String> taskManagers = stack.taskManagerIds();
        assertThat(taskManagers).isNotEmpty();
        String session = rest.openSession();
        int round = 0;
        for (Moment moment : MOMENTS) {
            String operation = submit(session, QUERY);
            String statement = "/v3/sessions/" + session + "/operations/" + operation;
            if (moment.afterSubmission()) {
                awaitStatus(statement, "FINISHED");
            }
            Thread.sleep(moment.delayMs());
            switch (round++ % 3) {
                case 0 -> {
                    // a statement whose job was submitted has ended: Flink closes it, it does not cancel it (404
                    // when Flink no longer has the statement)
                    GatewayRest.Reply cancel = rest.post(statement + "/cancel", "{}");
                    assertThat(cancel.status()).as("cancel: %s", cancel).isIn(200, 400, 404);
                    assertThat(rest.delete(statement + "/close").status()).as("close after cancel").isEqualTo(200);
                }
                case 1 -> assertThat(rest.delete(statement + "/close").status()).as("close").isEqualTo(200);
                default -> {
                    assertThat(rest.delete("/v3/sessions/" + session).status()).as("close session").isEqualTo(200);
                    session = rest.openSession();
                }
            }
        }
        boolean jobsEnded = awaitNoRunningJobs(Duration.ofSeconds(20));

        assertThat(stack.taskManagerIds()).as("the same TaskManagers, none lost or replaced").isEqualTo(taskManagers);
        assertThat(jobsEnded).as("no job outlives its statement").isTrue();
        long started = System.nanoTime();
        JsonNode rows =
                rest.run(session, "SELECT COUNT(*) FROM test.demo_kafka.orders /*+ OPTIONS('scan.bounded.mode'='latest-offset') */");
        assertThat(rows.get(rows.size() - 1).get(0).asLong()).isGreaterThanOrEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        rest.delete("/v3/sessions/" + session);
    }

    private static List<Moment> moments() {
        List<Moment> moments = new ArrayList<>();
        for (int delayMs : new int[] {0, 200, 400}) {
            moments.add(new Moment(false, delayMs));
        }
        for (int delayMs = 0; delayMs <= 400; delayMs += 40) {
            moments.add(new Moment(true, delayMs));
        }
        return moments;
    }

    private static String submit(String session, String statement) {
        GatewayRest.Reply executed =
                rest.post("/v3/sessions/" + session + "/statements", JSON.createObjectNode().put("statement", statement).toString());
        assertThat(executed.status()).as("%s: %s", statement, executed).isEqualTo(200);
        return executed.body().get("operationHandle").asText();
    }

    /** Waits until the statement's submission has returned (a query's job is then submitted). */
    private static void awaitStatus(String statement, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!status.equals(rest.get(statement + "/status").body().path("status").asText())) {
            assertThat(System.nanoTime()).as("%s is %s within 30 s", statement, status).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static boolean awaitNoRunningJobs(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stack.miniCluster.listJobs().get().stream()
                .map(JobStatusMessage::getJobState)
                .anyMatch(state -> !state.isGloballyTerminalState())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
