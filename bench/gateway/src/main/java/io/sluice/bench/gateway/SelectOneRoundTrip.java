package io.sluice.bench.gateway;

import io.sluice.localstack.LocalStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;

/**
 * JDBC {@code SELECT 1} round trips (execute, read the row, close) through Flink's plain REST endpoint and through
 * the sluice endpoint, on one gateway and one MiniCluster in this process, alternating ({@link Paired}).
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
                long[][] nanos = Paired.alternate(warmUp, rounds, (endpoint, round) -> selectOne(endpoints[endpoint]));
                long[][] withJob = Paired.alternate(warmUp, rounds,
                        (endpoint, round) -> roundTrip(endpoints[endpoint], ONE_ROW_JOB));
                String report =
                        String.format(
                                        "JDBC SELECT 1 round trip, %d measured per endpoint after %d warm-up, %d cores, %s%n%n",
                                        rounds, warmUp, Runtime.getRuntime().availableProcessors(), Instant.now())
                                + Paired.table("`sluice` (governed)", nanos)
                                + String.format("%nThe same with a job on both endpoints (`%s`: the governed endpoint answers "
                                        + "a query of literals only without one):%n%n", ONE_ROW_JOB)
                                + Paired.table("`sluice` (governed)", withJob);
                System.out.println(report);
                Files.createDirectories(results);
                Files.writeString(
                        results.resolve("results-" + Instant.now().toString().replace(":", "") + ".md"), report);
            }
        }
        // the MiniCluster and the gateway leave non-daemon threads behind
        System.exit(0);
    }

    /** One row, 1, through a job on either endpoint: a filter is no query of literals only. */
    static final String ONE_ROW_JOB = "SELECT n FROM (VALUES (1)) AS t(n) WHERE n > 0";

    /** One round trip: execute {@code SELECT 1}, read the row, close; returns the time taken. */
    static long selectOne(Connection connection) throws SQLException {
        return roundTrip(connection, "SELECT 1");
    }

    /** Executes a query that returns one row, 1, reads it, closes; returns the time taken. */
    static long roundTrip(Connection connection, String query) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            if (!rows.next() || rows.getInt(1) != 1) {
                throw new IllegalStateException(query + " did not return 1");
            }
        }
        return System.nanoTime() - start;
    }
}
