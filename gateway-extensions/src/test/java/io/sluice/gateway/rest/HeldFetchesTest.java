package io.sluice.gateway.rest;

import io.sluice.gateway.testing.GatewayRest;
import io.sluice.gateway.testing.GatewayRest.Reply;
import io.sluice.gateway.testing.GatewayStack;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetches of a query's rows over the REST API, as any client makes them: one whose rows are still coming is held
 * until they come (or for at most a second), not answered with an empty page the client would ask again for at
 * once; the first fetch of a query comes back with its first rows.
 */
class HeldFetchesTest {

    private static final String TOPIC = "held_fetch_orders";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GatewayStack stack;
    private static GatewayRest alice;
    private static String session;

    @BeforeAll
    static void startStack() {
        stack = GatewayStack.withFreeSlots();
        stack.publishOrdersLikeTopic(TOPIC);
        alice = new GatewayRest(stack.restUrl(), GatewayRest.basic(ALICE, ALICE_PASSWORD));
        session = alice.openSession();
    }

    @AfterAll
    static void closeSession() {
        if (alice != null) {
            alice.delete("/v3/sessions/" + session);
        }
    }

    @Test
    void theFirstFetchOfAQueryCarriesItsRows() {
        String operation = submit("SELECT 41 + 1 AS answer");
        Reply first = alice.get(result(operation, 0));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("resultType").asText()).isEqualTo("PAYLOAD");
        assertThat(first.body().path("results").path("data").toString()).isEqualTo("[{\"kind\":\"INSERT\",\"fields\":[42]}]");
        close(operation);
    }

    @Test
    void aStreamingQueryWithoutNewRowsIsFetchedAboutOnceASecondAndARowProducedMeanwhileArrives() throws Exception {
        String operation = submit("SELECT order_id FROM test.demo_kafka." + TOPIC);
        long token = next(fetch(operation, 0));
        int fetches = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
            JsonNode page = fetch(operation, token);
            fetches++;
            assertThat(page.path("results").path("data").size()).as("the topic is empty").isZero();
            token = next(page);
        }
        assertThat(fetches).as("fetches in 3 s of a query with no new rows (each held up to a second)").isBetween(2, 5);

        // a row produced while fetches are held still arrives
        long heldFrom = System.nanoTime();
        Thread producer = new Thread(() -> {
            sleep(300);
            stack.produce(TOPIC, List.of("{\"order_id\":7,\"customer\":\"ana\",\"amount\":1.00,"
                    + "\"order_time\":\"2026-11-02 11:00:07\"}"));
        });
        producer.start();
        JsonNode page = fetch(operation, token);
        while (page.path("results").path("data").isEmpty()) {
            page = fetch(operation, next(page));
        }
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - heldFrom);
        producer.join();
        assertThat(page.path("results").path("data").get(0).path("fields").toString()).isEqualTo("[7]");
        assertThat(waited).as("ms until the produced row was answered").isLessThan(10_000);
        close(operation);
    }

    private static String submit(String statement) {
        Reply executed = alice.post("/v3/sessions/" + session + "/statements",
                JSON.createObjectNode().put("statement", statement).toString());
        assertThat(executed.status()).as(statement + ": " + executed).isEqualTo(200);
        return executed.body().get("operationHandle").asText();
    }

    /** A page that is not NOT_READY (a held fetch may still answer NOT_READY after its second). */
    private static JsonNode fetch(String operation, long token) {
        while (true) {
            Reply page = alice.get(result(operation, token));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            if (!"NOT_READY".equals(page.body().path("resultType").asText())) {
                return page.body();
            }
        }
    }

    private static long next(JsonNode page) {
        String uri = page.path("nextResultUri").asText();
        return Long.parseLong(uri.replaceAll(".*/result/(\\d+).*", "$1"));
    }

    private static String result(String operation, long token) {
        return "/v3/sessions/" + session + "/operations/" + operation + "/result/" + token;
    }

    private static void close(String operation) {
        alice.delete("/v3/sessions/" + session + "/operations/" + operation + "/close");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
