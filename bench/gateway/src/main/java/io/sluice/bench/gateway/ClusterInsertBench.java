package io.sluice.bench.gateway;

import io.sluice.localstack.LocalStack;
import io.sluice.localstack.StandaloneCluster;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code INSERT} job's throughput on a standalone cluster of separate JVMs: the statement through the governed
 * {@code sluice} endpoint (tables from the catalog) against the same statement through Flink's plain {@code rest}
 * endpoint (the same tables declared by hand, with the connection the catalog keeps hidden), the two alternating in
 * one run on one gateway and one cluster. Both copy a topic of JSON orders into another, bounded at the topic's end;
 * a job's throughput is its records over the time from RUNNING to FINISHED, as the JobManager reports them.
 * Governance acts when a statement is planned, so once a job runs it should cost nothing: goal ratio ≥ 0.98.
 *
 * <p>Usage: {@code ClusterInsertBench [rounds, default 5] [warm-up, default 1] [records, default 1000000] [results dir]}
 */
public final class ClusterInsertBench {

    private static final String INPUT = "bench_cluster_in";
    private static final String OUTPUT = "bench_cluster_out";
    private static final int BATCH = 50_000;

    private ClusterInsertBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Path results = Path.of(args.length > 3 ? args[3] : "bench/gateway/target");

        StringBuilder report = new StringBuilder();
        try (LocalStack stack = new LocalStack(LocalStack.Settings.defaults().onStandaloneCluster())) {
            stack.publishOrdersLikeTopic(INPUT);
            stack.publishOrdersLikeTopic(OUTPUT);
            for (int from = 0; from < records; from += BATCH) {
                stack.produce(INPUT, orders(from, Math.min(records, from + BATCH)));
            }
            Properties alice = new Properties();
            alice.setProperty("user", LocalStack.ALICE);
            alice.setProperty("password", LocalStack.ALICE_PASSWORD);
            try (Connection governed = DriverManager.getConnection(stack.jdbcUrl(), alice);
                    Connection plain = DriverManager.getConnection(stack.vanillaJdbcUrl());
                    Statement sluice = governed.createStatement();
                    Statement vanilla = plain.createStatement()) {
                declareLikeTheCatalog(stack, sluice, vanilla, INPUT);
                declareLikeTheCatalog(stack, sluice, vanilla, OUTPUT);
                String bounded = " /*+ OPTIONS('scan.bounded.mode'='latest-offset') */";
                String governedInsert = "INSERT INTO test.demo_kafka." + OUTPUT + " SELECT * FROM test.demo_kafka." + INPUT + bounded;
                String plainInsert = "INSERT INTO " + OUTPUT + " SELECT * FROM " + INPUT + bounded;
                long[][] nanos = Paired.alternate(warmUp, rounds, (endpoint, round) -> endpoint == Paired.VANILLA
                        ? runningTime(stack.standaloneCluster, vanilla, plainInsert)
                        : runningTime(stack.standaloneCluster, sluice, governedInsert));
                report.append(table(nanos, records, rounds, warmUp));
            }
        }
        System.out.println(report);
        Files.createDirectories(results);
        Files.writeString(results.resolve("cluster-insert-" + Instant.now().toString().replace(":", "") + ".md"), report);
        // the gateway leaves non-daemon threads behind
        System.exit(0);
    }

    /**
     * Declares the catalog's table in the plain session exactly as the governed session shows it, plus the
     * connection it hides (the broker's address): the two jobs then differ only in the endpoint that planned them.
     */
    private static void declareLikeTheCatalog(LocalStack stack, Statement sluice, Statement vanilla, String table)
            throws Exception {
        String ddl;
        // the JDBC driver's executeQuery takes only queries; SHOW's rows come through execute
        sluice.execute("SHOW CREATE TABLE test.demo_kafka." + table);
        try (ResultSet rows = sluice.getResultSet()) {
            rows.next();
            ddl = rows.getString(1);
        }
        String declared = ddl
                .replace("CREATE TABLE `test`.`demo_kafka`.`" + table + "`", "CREATE TEMPORARY TABLE `" + table + "`")
                .replace("WITH (", "WITH (\n  'properties.bootstrap.servers' = '" + stack.kafkaBootstrapServers + "',");
        if (declared.equals(ddl) || !declared.contains("TEMPORARY")) {
            throw new IllegalStateException("Unexpected SHOW CREATE TABLE of " + table + ": " + ddl);
        }
        vanilla.execute(declared);
    }

    /** Runs the bounded INSERT and returns how long its job was RUNNING until FINISHED, in nanoseconds. */
    private static long runningTime(StandaloneCluster cluster, Statement statement, String insert) throws Exception {
        Set<String> before = jobs(cluster);
        statement.execute(insert);
        String job = null;
        while (job == null) {
            Set<String> now = jobs(cluster);
            now.removeAll(before);
            job = now.isEmpty() ? null : now.iterator().next();
            Thread.sleep(50);
        }
        JsonNode details = cluster.rest("/jobs/" + job);
        while (!details.path("state").asText().equals("FINISHED")) {
            if (Set.of("FAILED", "CANCELED").contains(details.path("state").asText())) {
                throw new IllegalStateException("job " + job + " ended " + details.path("state").asText());
            }
            Thread.sleep(100);
            details = cluster.rest("/jobs/" + job);
        }
        JsonNode timestamps = details.path("timestamps");
        return (timestamps.path("FINISHED").asLong() - timestamps.path("RUNNING").asLong()) * 1_000_000L;
    }

    private static Set<String> jobs(StandaloneCluster cluster) throws Exception {
        Set<String> ids = new TreeSet<>();
        cluster.rest("/jobs/overview").path("jobs").forEach(job -> ids.add(job.path("jid").asText()));
        return ids;
    }

    private static List<String> orders(int from, int to) {
        List<String> orders = new ArrayList<>(to - from);
        for (int id = from; id < to; id++) {
            orders.add("{\"order_id\":" + id + ",\"customer\":\"c" + (id % 1000) + "\",\"amount\":" + (id % 10_000) / 100.0
                    + ",\"order_time\":\"2026-11-01 10:00:00\"}");
        }
        return orders;
    }

    private static String table(long[][] nanos, int records, int rounds, int warmUp) {
        StringBuilder table = new StringBuilder(String.format(
                "INSERT topic → topic, %,d JSON records per job, standalone cluster (1 JobManager, %d TaskManagers), "
                        + "%d cores, %s; %d measured jobs per endpoint after %d warm-up, alternating%n%n",
                records, LocalStack.STANDALONE_TASK_MANAGERS, Runtime.getRuntime().availableProcessors(), Instant.now(),
                rounds, warmUp));
        table.append("| round | Flink `rest` records/s | sluice records/s |\n| ---: | ---: | ---: |\n");
        for (int i = 0; i < rounds; i++) {
            table.append(String.format("| %d | %,.0f | %,.0f |%n", i + 1, perSecond(records, nanos[Paired.VANILLA][i]),
                    perSecond(records, nanos[Paired.SLUICE][i])));
        }
        double plain = perSecond(records, median(nanos[Paired.VANILLA]));
        double governed = perSecond(records, median(nanos[Paired.SLUICE]));
        table.append(String.format("| median | %,.0f | %,.0f |%n%nratio sluice / rest (median throughput): %.3f (goal ≥ 0.98: %s)%n",
                plain, governed, governed / plain, governed / plain >= 0.98 ? "met" : "missed"));
        return table.toString();
    }

    private static double perSecond(int records, long nanos) {
        return records / (nanos / 1e9);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
