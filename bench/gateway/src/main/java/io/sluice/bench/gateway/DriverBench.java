package io.sluice.bench.gateway;

import io.sluice.bench.catalogread.Percentiles;
import io.sluice.bench.catalogread.PublishedTables;
import io.sluice.localstack.LocalStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;

/**
 * Sluice's JDBC driver as a BI tool uses it, against the sluice endpoint of one gateway whose test environment holds
 * {@code tables} published tables: (a) {@code getTables} + {@code getColumns}, both as a tool browsing one table
 * (the environment's tables, then one table's columns) and as a crawler (every table's columns); (b) {@code SELECT 1}
 * round trips with Sluice's driver and with Flink's, alternating ({@link Paired}), both logged in as alice and both
 * sessions in snapshot result mode (Sluice's driver's default; a snapshot query is planned in batch).
 *
 * <p>Usage: {@code DriverBench [SELECT 1 rounds, default 300] [warm-up, default 40] [published tables, default 1000]
 * [metadata rounds, default 50] [crawls, default 3] [results directory]}
 */
public final class DriverBench {

    private static final String DATABASE = PublishedTables.DATA_SOURCE;

    private DriverBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int tables = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int metadataRounds = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int crawls = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Path results = Path.of(args.length > 5 ? args[5] : "bench/gateway/target");

        try (LocalStack stack = new LocalStack(LocalStack.Settings.defaults())) {
            long publishStart = System.nanoTime();
            new PublishedTables(stack).publish(tables);
            double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
            // the gateway reads the changed catalog ahead of sessions after its next change-feed poll
            Thread.sleep(3 * stack.settings.changePollInterval().toMillis());

            Properties alice = new Properties();
            alice.setProperty("user", LocalStack.ALICE);
            alice.setProperty("password", LocalStack.ALICE_PASSWORD);
            String sluiceUrl = "jdbc:sluice://127.0.0.1:" + stack.sluicePort + "/test";
            // the same session settings for both drivers: Sluice's driver asks for snapshot results by default
            Properties aliceSnapshot = new Properties();
            aliceSnapshot.putAll(alice);
            aliceSnapshot.setProperty("sluice.result-mode", "snapshot");
            try (Connection flink = DriverManager.getConnection(stack.jdbcUrl(), aliceSnapshot);
                    Connection sluice = DriverManager.getConnection(sluiceUrl, alice)) {
                DatabaseMetaData metaData = sluice.getMetaData();
                for (int i = 0; i < 3; i++) {
                    browse(metaData, tables);
                }
                long[] browsing = new long[metadataRounds];
                for (int i = 0; i < metadataRounds; i++) {
                    browsing[i] = browse(metaData, tables);
                }
                long[] crawling = new long[crawls];
                for (int i = 0; i < crawls; i++) {
                    crawling[i] = crawl(metaData, tables);
                }

                Connection[] drivers = {flink, sluice};
                long[][] selectOne = Paired.alternate(warmUp, rounds, (driver, round) -> SelectOneRoundTrip.selectOne(drivers[driver]));
                long[][] withJob = Paired.alternate(warmUp, rounds,
                        (driver, round) -> SelectOneRoundTrip.roundTrip(drivers[driver], SelectOneRoundTrip.ONE_ROW_JOB));

                String report =
                        String.format(
                                        "Sluice's JDBC driver against the `sluice` endpoint, %d tables published to "
                                                + "test.%s (published in %.0f s), %d cores, %s%n%n",
                                        tables, DATABASE, publishSeconds, Runtime.getRuntime().availableProcessors(),
                                        Instant.now())
                                + "| metadata calls | rounds | median ms | p99 ms |\n| --- | ---: | ---: | ---: |\n"
                                + row("`getTables` of the database + `getColumns` of one table (browsing)", browsing)
                                + row("`getTables` + `getColumns` of every table (a crawl)", crawling)
                                + String.format(
                                        "%nJDBC SELECT 1 round trip on the `sluice` endpoint, both sessions in snapshot result mode, %d measured per driver "
                                                + "after %d warm-up:%n%n", rounds, warmUp)
                                + Paired.table("Flink's driver (`flink-sql-jdbc-driver`)", "Sluice's driver", selectOne)
                                + String.format("%nThe same with a job (`%s`: a query of literals only has none):%n%n",
                                        SelectOneRoundTrip.ONE_ROW_JOB)
                                + Paired.table("Flink's driver (`flink-sql-jdbc-driver`)", "Sluice's driver", withJob);
                System.out.println(report);
                Files.createDirectories(results);
                Files.writeString(
                        results.resolve("driver-" + Instant.now().toString().replace(":", "") + ".md"), report);
            }
        }
        // the MiniCluster and the gateway leave non-daemon threads behind
        System.exit(0);
    }

    private static String row(String what, long[] nanos) {
        return String.format("| %s | %d | %.1f | %.1f |%n",
                what, nanos.length, Percentiles.millis(nanos, 50), Percentiles.millis(nanos, 99));
    }

    /** The environment's tables, then the columns of one of them (a different one each time). */
    private static long browse(DatabaseMetaData metaData, int tables) throws SQLException {
        long start = System.nanoTime();
        int listed = count(metaData.getTables("test", DATABASE, "%", null));
        String table = String.format("bench_t%05d", (int) (Math.random() * tables));
        int columns = count(metaData.getColumns("test", DATABASE, table, "%"));
        long took = System.nanoTime() - start;
        check(listed, tables, "tables");
        check(columns, 6, "columns of " + table);
        return took;
    }

    /** The environment's tables, then the columns of all of them. */
    private static long crawl(DatabaseMetaData metaData, int tables) throws SQLException {
        long start = System.nanoTime();
        int listed = count(metaData.getTables("test", DATABASE, "%", null));
        int columns = count(metaData.getColumns("test", DATABASE, "%", "%"));
        long took = System.nanoTime() - start;
        check(listed, tables, "tables");
        check(columns, 6 * tables, "columns");
        return took;
    }

    private static int count(ResultSet rows) throws SQLException {
        try (rows) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        }
    }

    private static void check(int counted, int expected, String what) {
        if (counted != expected) {
            throw new IllegalStateException("expected " + expected + " " + what + ", the driver listed " + counted);
        }
    }
}
