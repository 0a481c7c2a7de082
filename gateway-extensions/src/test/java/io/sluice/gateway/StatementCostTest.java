package io.sluice.gateway;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.GatewayStack.BOB;
import static io.sluice.gateway.testing.GatewayStack.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.GatewayRest;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.Jdbc;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one request may cost the gateway: a statement too long or nested too deeply is refused before Flink's parser
 * sees it, within a second, with a message naming the limit, while other sessions go on working.
 */
class StatementCostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static GatewayRest alice;

    @BeforeAll
    static void login() {
        GatewayStack stack = GatewayStack.withFreeSlots();
        alice = new GatewayRest(stack.restUrl(), "Bearer " + stack.issueToken(ALICE, ALICE_PASSWORD));
    }

    @Test
    void aTenMegabyteStatementIsRefusedWithinASecond() throws Exception {
        String statement = "SELECT '" + "x".repeat(10 * 1024 * 1024) + "'";
        whileAnotherSessionWorks(() -> assertRefusedQuickly(statement, "this gateway accepts at most 1048576"));
    }

    @Test
    void aHundredThousandNestedParenthesesAreRefusedWithinASecond() throws Exception {
        String statement = "SELECT " + "(".repeat(100_000) + "1" + ")".repeat(100_000);
        whileAnotherSessionWorks(() -> assertRefusedQuickly(statement, "nests parentheses or brackets 100000 deep"));
    }

    @Test
    void nestingBeyondTheLimitNeverReachesTheParser() throws Exception {
        // 3,000 levels made Flink's parser answer with an internal NullPointerException
        assertRefusedQuickly("SELECT " + "(".repeat(3_000) + "1" + ")".repeat(3_000), "at most 200");
        assertRefusedQuickly("SELECT ARRAY" + "[".repeat(201) + "1" + "]".repeat(201), "201 deep");
    }

    @Test
    void nestingWithinTheLimitRuns() throws Exception {
        String session = alice.openSession();
        assertThat(alice.run(session, "SELECT " + "(".repeat(150) + "41 + 1" + ")".repeat(150)).toString()).isEqualTo("[[42]]");
        // brackets inside literals and comments are text, not nesting
        assertThat(alice.run(session, "SELECT '" + "(".repeat(500) + "' /* " + "[".repeat(500) + " */").toString())
                .contains("((((");
    }

    private static void assertRefusedQuickly(String statement, String words) {
        String session = alice.openSession();
        long start = System.nanoTime();
        GatewayRest.Reply reply =
                alice.post("/v3/sessions/" + session + "/statements",
                        JSON.createObjectNode().put("statement", statement).toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(reply.status()).as(reply.toString().substring(0, Math.min(500, reply.toString().length()))).isEqualTo(400);
        assertThat(reply.error()).contains(words).doesNotContain("\tat ", "Exception");
        assertThat(took).as("time to refuse").isLessThan(Duration.ofSeconds(1));
        alice.delete("/v3/sessions/" + session);
    }

    /** Runs the check while bob's session runs short queries; every one of them must succeed. */
    private static void whileAnotherSessionWorks(ThrowingRunnable check) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<Void> other =
                CompletableFuture.runAsync(() -> {
                    try (Connection connection = Jdbc.connect(BOB, BOB_PASSWORD);
                            Statement statement = connection.createStatement()) {
                        while (!done.get() || answered.get() == 0) {
                            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                                assertThat(rows.next()).isTrue();
                            }
                            answered.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        try {
            check.run();
        } finally {
            done.set(true);
        }
        other.get(60, TimeUnit.SECONDS);
        assertThat(answered.get()).as("bob's queries answered meanwhile").isPositive();
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
