package io.sluice.localstack.launcher;

import io.sluice.localstack.LocalStack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the local stack and prints how to connect. Ports come from system properties, with these defaults:
 * {@code sluice.gateway.port} 8083, {@code sluice.catalog-service.port} 8081, {@code sluice.kafka.port} 9092,
 * {@code sluice.slots} 4 (per TaskManager). With {@code --standalone-cluster}, jobs run on a standalone Flink cluster
 * of separate JVMs instead of a MiniCluster. Stops on Ctrl+C.
 */
public final class LocalStackMain {

    private static final String ORDERS = "orders";

    /** The argument that runs jobs on a standalone cluster of separate JVMs instead of a MiniCluster. */
    static final String STANDALONE_CLUSTER = "--standalone-cluster";

    private static final List<String> DEMO_ORDERS =
            List.of(
                    "{\"order_id\":1,\"customer\":\"ada\",\"amount\":12.50,\"order_time\":\"2026-11-01 10:00:00\"}",
                    "{\"order_id\":2,\"customer\":\"bo\",\"amount\":3.99,\"order_time\":\"2026-11-01 10:05:00\"}",
                    "{\"order_id\":3,\"customer\":\"cy\",\"amount\":100.00,\"order_time\":\"2026-11-01 10:09:00\"}",
                    "{\"order_id\":4,\"customer\":\"ada\",\"amount\":7.25,\"order_time\":\"2026-11-01 11:30:00\"}");

    private LocalStackMain() {}

    public static void main(String[] args) throws Exception {
        boolean standalone = List.of(args).contains(STANDALONE_CLUSTER);
        if (!List.of(STANDALONE_CLUSTER).containsAll(List.of(args))) {
            System.err.println("Usage: local-stack/run.sh [" + STANDALONE_CLUSTER + "]");
            System.exit(2);
        }
        LocalStack.Settings onMiniCluster =
                new LocalStack.Settings(
                        Integer.getInteger("sluice.slots", 4),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(20),
                        Integer.getInteger("sluice.gateway.port", 8083),
                        -1,
                        Integer.getInteger("sluice.catalog-service.port", 8081),
                        Integer.getInteger("sluice.kafka.port", 9092));
        LocalStack.Settings settings = standalone ? onMiniCluster.onStandaloneCluster() : onMiniCluster;
        System.out.println("Starting Kafka, catalog-service, "
                + (standalone
                        ? "a standalone Flink cluster (a JobManager and " + LocalStack.STANDALONE_TASK_MANAGERS
                                + " TaskManagers, each a JVM of its own)"
                        : "a Flink MiniCluster")
                + " and the SQL gateway …");
        // run.sh starts it at the repository root: the demo's designs, grants and topics survive a restart there.
        LocalStack stack = start(settings, Path.of(System.getProperty("sluice.data-dir", ".sluice")), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stack.close();
                                    stopped.countDown();
                                }));
        stopped.await();
    }

    /**
     * Starts the stack on {@code dataDir}, gives the topic {@code orders} its demo rows when it has none (a restart
     * finds them in Kafka's log and adds none), and prints how to connect. The Flink cluster's REST API is not
     * offered: it listens on loopback for the gateway only.
     */
    static LocalStack start(LocalStack.Settings settings, Path dataDir, PrintStream out) throws Exception {
        LocalStack stack = new LocalStack(settings, dataDir);
        if (stack.recordCount(ORDERS) == 0) {
            stack.produce(ORDERS, DEMO_ORDERS);
        }
        long orders = stack.recordCount(ORDERS);
        out.println();
        out.println("Sluice local stack is up.");
        out.println("  JDBC URL         " + stack.jdbcUrl());
        out.println("  demo login       alice / alice-password   (project demo; bob / bob-password is project other)");
        out.println("  REST API         " + stack.restUrl() + "/v3/…  (Authorization: Basic or Bearer <token>)");
        out.println("  SQL client       FLINK_REST_CLIENT_HEADERS='Authorization:Basic "
                + Base64.getEncoder().encodeToString("alice:alice-password".getBytes(StandardCharsets.UTF_8))
                + "' sql-client.sh gateway --endpoint " + stack.restUrl());
        out.println("  catalog-service  " + stack.catalogServiceUrl + "  (data admin dana / dana-password)");
        out.println("  web console      " + stack.catalogServiceUrl + "/console/  (the same logins)");
        out.println("  Kafka            " + stack.kafkaBootstrapServers + "  (topic " + ORDERS + " has " + orders
                + " rows; table test.demo_kafka." + ORDERS + ")");
        out.println("Try: SELECT customer, SUM(amount) FROM test.demo_kafka." + ORDERS
                + " /*+ OPTIONS('scan.bounded.mode'='latest-offset') */ GROUP BY customer");
        out.println("Ctrl+C stops everything.");
        return stack;
    }
}
