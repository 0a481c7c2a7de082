package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack replaces a TaskManager that dies (as Flink 2.2.1 lets one die when a job fails while its collect
 * sink is opening, FLINK-39330), so queries run again without anyone restarting the stack.
 */
class TaskManagerRecoveryTest {

    private static final String COUNT_ORDERS =
            "SELECT COUNT(*) FROM test.demo_kafka.orders /*+ OPTIONS('scan.bounded.mode'='latest-offset') */";

    private static GatewayStack stack;

    @BeforeAll
    static void dataInTopic() {
        stack = GatewayStack.withFreeSlots();
        stack.produce("orders", List.of("{\"order_id\":300,\"customer\":\"mo\",\"amount\":3.00,\"order_time\":\"2026-11-02 10:00:00\"}"));
    }

    @Test
    void aKilledTaskManagerIsReplacedAndQueriesRunAgain() throws Exception {
        Set<String> before = stack.taskManagerIds();
        int replacedBefore = stack.taskManagersReplaced();
        assertThat(countOrders()).isGreaterThanOrEqualTo(1);

        for (int index = 0; index < stack.taskManagersStarted(); index++) {
            // what the TaskManager's fatal error handler does when a task fails in its own cleanup
            stack.miniCluster.terminateTaskManager(index).get();
        }
        long killedAt = System.nanoTime();

        assertThat(countOrders()).as("a query after the TaskManager died").isGreaterThanOrEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(60));
        Set<String> after = stack.taskManagerIds();
        assertThat(after).as("as many TaskManagers as before, new ones").hasSameSizeAs(before).doesNotContainAnyElementsOf(before);
        assertThat(stack.taskManagersReplaced() - replacedBefore).isEqualTo(before.size());
    }

    private static long countOrders() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(COUNT_ORDERS)) {
            long count = 0;
            while (rows.next()) {
                count = rows.getLong(1);
            }
            return count;
        }
    }
}
