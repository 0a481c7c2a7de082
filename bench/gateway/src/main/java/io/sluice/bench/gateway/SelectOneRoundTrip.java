package io.sluice.bench.gateway;

import io.sluice.localstack.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * JDBC {@code SELECT 1} round trips (execute, read the row, close) through Flink's plain REST endpoint and through
 * the sluice endpoint, on one gateway and one MiniCluster in this process. The two alternate, the first of each
 * pair changing every round, so that the noise of a shared machine falls on both alike.
 *
 * <p>Usage: {@code SelectOneRoundTrip [measured round trips per endpoint, default 300] [warm-up, default 40]
 * [results directory]}
 */
public final class SelectOneRoundTrip {

    private SelectOneRoundTrip() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path results = Path.of(args.length > 2 ? args[2] : "bench/gateway/target");

        try (LocalStack stack = new LocalStack(LocalStack.Settings.defaults())) {
            Properties alice = new Properties();
            alice.setProperty("user", LocalStack.ALICE);
            alice.setProperty("password", LocalStack.ALICE_PASSWORD);
            try (Connection vanilla = DriverManager.getConnection(stack.vanillaJdbcUrl(), new Properties());
                    Connection sluice = DriverManager.getConnection(stack.jdbcUrl(), alice)) {
                Connection[] endpoints = {vanilla, sluice};
                long[][] nanos = new long[2][rounds];
                for (int i = 0; i < warmUp + rounds; i++) {
                    for (int k = 0; k < 2; k++) {
                        int endpoint = (i + k) % 2;
                        long took = selectOne(endpoints[endpoint]);
                        if (i >= warmUp) {
                            nanos[endpoint][i - warmUp] = took;
                        }
                    }
                }
                String report = report(nanos[0], nanos[1], warmUp);
                System.out.println(report);
                Files.createDirectories(results);
                Files.writeString(
                        results.resolve("results-" + Instant.now().toString().replace(":", "") + ".md"), report);
            }
        }
        // the MiniCluster and the gateway leave non-daemon threads behind
        System.exit(0);
    }

    private static long selectOne(Connection connection) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
            if (!rows.next() || rows.getInt(1) != 1) {
                throw new IllegalStateException("SELECT 1 did not return 1");
            }
        }
        return System.nanoTime() - start;
    }

    private static String report(long[] vanilla, long[] sluice, int warmUp) throws IOException {
        double vanillaMedian = percentile(vanilla, 50);
        double sluiceMedian = percentile(sluice, 50);
        double vanillaP99 = percentile(vanilla, 99);
        double sluiceP99 = percentile(sluice, 99);
        StringBuilder table = new StringBuilder();
        table.append(
                String.format(
                        "JDBC SELECT 1 round trip, %d measured per endpoint after %d warm-up, %d cores, %s%n%n",
                        vanilla.length, warmUp, Runtime.getRuntime().availableProcessors(), Instant.now()));
        table.append("| endpoint | median ms | p99 ms |\n| --- | ---: | ---: |\n");
        table.append(String.format("| Flink `rest` (vanilla) | %.1f | %.1f |%n", vanillaMedian, vanillaP99));
        table.append(String.format("| `sluice` (governed) | %.1f | %.1f |%n", sluiceMedian, sluiceP99));
        table.append(
                String.format(
                        "| ratio sluice / vanilla | %.3f | %.3f |%n",
                        sluiceMedian / vanillaMedian, sluiceP99 / vanillaP99));
        return table.toString();
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
