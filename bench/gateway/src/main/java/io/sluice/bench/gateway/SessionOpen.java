package io.sluice.bench.gateway;

import io.sluice.bench.catalogread.Percentiles;
import io.sluice.bench.catalogread.PublishedTables;
import io.sluice.localstack.LocalStack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * JDBC session open — connect, {@code SHOW CATALOGS}, close — through Flink's plain REST endpoint and through the
 * sluice endpoint, on one gateway whose test environment holds {@code tables} published tables, alternating
 * ({@link Paired}): first as alice, a user whose login the gateway has seen; then as new users, each opening its
 * first session (a login catalog-service checks, hashing the password), paired with a vanilla session open.
 *
 * <p>Usage: {@code SessionOpen [measured rounds, default 200] [warm-up, default 20] [published tables, default 1000]
 * [new users, default 30] [results directory]}
 */
public final class SessionOpen {

    private SessionOpen() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int tables = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int newUsers = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Path results = Path.of(args.length > 4 ? args[4] : "bench/gateway/target");

        try (LocalStack stack = new LocalStack(LocalStack.Settings.defaults())) {
            PublishedTables catalog = new PublishedTables(stack);
            long publishStart = System.nanoTime();
            catalog.publish(tables);
            double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
            String aliceToken = "Bearer " + stack.issueToken(LocalStack.ALICE, LocalStack.ALICE_PASSWORD);
            String alicePassword =
                    "Basic " + Base64.getEncoder().encodeToString(
                            (LocalStack.ALICE + ":" + LocalStack.ALICE_PASSWORD).getBytes(StandardCharsets.UTF_8));
            String body = catalog.call("GET", "/api/v1/environments/test/catalog", aliceToken, null);
            int published = body.split("\"columns\"", -1).length - 1;
            long[] catalogReads = timed(10, () -> catalog.call("GET", "/api/v1/environments/test/catalog", aliceToken, null));
            long[] passwordLogins = timed(10, () -> catalog.call("GET", "/api/v1/principal", alicePassword, null));
            long[] tokenLogins = timed(10, () -> catalog.call("GET", "/api/v1/principal", aliceToken, null));
            // the gateway reads the changed catalog ahead of sessions after its next change-feed poll
            Thread.sleep(3 * stack.settings.changePollInterval().toMillis());

            Properties alice = login(LocalStack.ALICE, LocalStack.ALICE_PASSWORD);
            long[][] known =
                    Paired.alternate(warmUp, rounds, (endpoint, round) -> endpoint == Paired.VANILLA
                            ? openSession(stack.vanillaJdbcUrl(), new Properties(), "default_catalog")
                            : openSession(stack.jdbcUrl(), alice, "test"));

            List<Properties> firstLogins = newUsers(stack, catalog, "bench_new", newUsers);
            // the same first login check, asked of catalog-service directly, by users the gateway never sees
            long[] firstChecks = new long[newUsers];
            List<Properties> others = newUsers(stack, catalog, "bench_direct", newUsers);
            for (int i = 0; i < newUsers; i++) {
                String basic = "Basic " + Base64.getEncoder().encodeToString(
                        (others.get(i).getProperty("user") + ":" + others.get(i).getProperty("password"))
                                .getBytes(StandardCharsets.UTF_8));
                firstChecks[i] = timed(1, () -> catalog.call("GET", "/api/v1/principal", basic, null))[0];
            }
            long[][] first =
                    Paired.alternate(0, newUsers, (endpoint, round) -> endpoint == Paired.VANILLA
                            ? openSession(stack.vanillaJdbcUrl(), new Properties(), "default_catalog")
                            : openSession(stack.jdbcUrl(), firstLogins.get(round), "test"));

            String report =
                    String.format(
                                    "JDBC session open (connect, SHOW CATALOGS, close), %d tables published to test "
                                            + "(%d in its catalog; published in %.0f s), %d cores, %s%n%n",
                                    tables, published, publishSeconds, Runtime.getRuntime().availableProcessors(),
                                    Instant.now())
                            + String.format("A known user (alice), %d measured per endpoint after %d warm-up:%n%n", rounds, warmUp)
                            + Paired.table("`sluice` (alice)", known)
                            + String.format("%nA new user's first session (login checked by catalog-service), %d users:%n%n", newUsers)
                            + Paired.table("`sluice` (first session)", first)
                            + String.format(
                                    "%ncatalog-service, median of 10 calls: `GET /api/v1/environments/test/catalog` %.1f ms; "
                                            + "`GET /api/v1/principal` (the login check) with a password %.1f ms, with a "
                                            + "token %.1f ms; a new user's first login check, asked directly: median "
                                            + "%.1f ms, p99 %.1f ms (%d users)%n",
                                    Percentiles.millis(catalogReads, 50), Percentiles.millis(passwordLogins, 50),
                                    Percentiles.millis(tokenLogins, 50), Percentiles.millis(firstChecks, 50),
                                    Percentiles.millis(firstChecks, 99), newUsers);
            System.out.println(report);
            Files.createDirectories(results);
            Files.writeString(
                    results.resolve("session-open-" + Instant.now().toString().replace(":", "") + ".md"), report);
        }
        // the MiniCluster and the gateway leave non-daemon threads behind
        System.exit(0);
    }

    private static long[] timed(int times, Runnable call) {
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /** Users of project demo the gateway has never seen, created by the bootstrap admin; their JDBC logins. */
    private static List<Properties> newUsers(LocalStack stack, PublishedTables catalog, String prefix, int count) {
        String admin = "Bearer " + stack.issueToken("admin", "admin-password");
        String alice = "Bearer " + stack.issueToken(LocalStack.ALICE, LocalStack.ALICE_PASSWORD);
        List<Properties> logins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = String.format("%s%03d", prefix, i);
            String password = user + "-password";
            catalog.call("POST", "/api/v1/users", admin,
                    "{\"username\":\"" + user + "\",\"displayName\":\"" + user + "\",\"password\":\"" + password
                            + "\",\"platformRoles\":[]}");
            catalog.call("PUT", "/api/v1/projects/demo/members/" + user, alice, "{\"role\":\"developer\"}");
            logins.add(login(user, password));
        }
        return logins;
    }

    private static Properties login(String user, String password) {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        return login;
    }

    /** Connects, lists the catalogs (checking that {@code expected} is among them) and closes; returns the time taken. */
    private static long openSession(String url, Properties login, String expected) throws SQLException {
        long start = System.nanoTime();
        boolean found = false;
        try (Connection connection = DriverManager.getConnection(url, login);
                Statement statement = connection.createStatement()) {
            statement.execute("SHOW CATALOGS");
            try (ResultSet catalogs = statement.getResultSet()) {
                while (catalogs.next()) {
                    found |= expected.equals(catalogs.getString(1));
                }
            }
        }
        long took = System.nanoTime() - start;
        if (!found) {
            throw new IllegalStateException("SHOW CATALOGS on " + url + " did not list " + expected);
        }
        return took;
    }
}
