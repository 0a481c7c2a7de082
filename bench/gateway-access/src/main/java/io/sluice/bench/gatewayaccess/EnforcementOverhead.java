package io.sluice.bench.gatewayaccess;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.SluiceGatewayOptions;
import io.sluice.gateway.access.AccessDecider;
import io.sluice.gateway.access.AccessEnforcer;
import io.sluice.gateway.access.AccessOptions;
import io.sluice.gateway.access.DecisionClient;
import io.sluice.gateway.catalogservice.OutageGrace;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.rest.SqlGatewayRestEndpoint;
import org.apache.flink.table.gateway.rest.SqlGatewayRestEndpointFactory;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.context.DefaultContext;
import org.apache.flink.table.gateway.service.session.SessionManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JDBC round trips through two SQL gateway endpoints in one JVM, on one shared MiniCluster and one session manager:
 * Flink's own service, and the same service with access enforced on every statement ({@link EnforcingGatewayService}).
 * Each query runs as a fresh statement on a long-lived connection, alternating between the endpoints, so both see the
 * same machine noise. Prints the median and 90th percentile per query and endpoint, and the ratio of the medians.
 *
 * <p>Arguments: warm-up round trips per query and endpoint (default 20), measured ones (default 60).
 */
public final class EnforcementOverhead {

    private static final String VANILLA = "vanilla";
    private static final String ENFORCED = "enforced";

    private static final List<String> QUERIES =
            List.of("SELECT 1", "SELECT id, amount FROM test.bench.orders WHERE amount > 0");

    /** The session's catalog: like an environment catalog, one table in a database, read by a one-row bounded job. */
    private static final List<String> SESSION_SETUP =
            List.of(
                    "CREATE CATALOG test WITH ('type' = 'generic_in_memory', 'default-database' = 'bench')",
                    "CREATE TABLE test.bench.orders (id BIGINT, amount DOUBLE, note STRING) WITH ("
                            + "'connector' = 'datagen', 'number-of-rows' = '1')");

    public static void main(String[] args) throws Exception {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 60;

        Configuration clusterConfig = new Configuration();
        clusterConfig.set(RestOptions.BIND_PORT, "0");
        clusterConfig.set(RestOptions.ADDRESS, "127.0.0.1");
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                        .setConfiguration(clusterConfig).setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
                DecisionApi decisionApi = new DecisionApi()) {
            cluster.start();
            URI clusterRest = cluster.getRestAddress().get();
            Configuration gatewayConfig = new Configuration();
            gatewayConfig.setString("execution.target", "remote");
            gatewayConfig.setString("rest.address", clusterRest.getHost());
            gatewayConfig.setString("rest.port", String.valueOf(clusterRest.getPort()));
            SessionManager sessions = SessionManager.create(new DefaultContext(gatewayConfig, List.of()));
            sessions.start();

            Duration staleness = AccessOptions.DECISION_STALENESS.defaultValue();
            AccessEnforcer enforcer = new AccessEnforcer(
                    new AccessDecider(
                            new DecisionClient(decisionApi.url(), "bench-token", Duration.ofSeconds(5),
                                    new OutageGrace(SluiceGatewayOptions.CATALOG_SERVICE_OUTAGE_GRACE.defaultValue())),
                            staleness,
                            AccessOptions.DECISION_CACHE_SIZE.defaultValue()),
                    Set.of("test", "prod"),
                    option -> false,
                    staleness);
            // a system admin: the session's setup defines a catalog and a connector table, which only admins may
            PrincipalView admin = new PrincipalView("bench", "Bench", "bench", "developer", List.of("system_admin"), List.of(), List.of());

            SqlGatewayRestEndpoint vanilla = endpoint(gatewayConfig, new SqlGatewayServiceImpl(sessions));
            SqlGatewayRestEndpoint enforced = endpoint(gatewayConfig, new EnforcingGatewayService(sessions, enforcer, admin));
            try (Connection vanillaConnection = connect(vanilla);
                    Connection enforcedConnection = connect(enforced)) {
                Map<String, Map<String, List<Long>>> nanos = new HashMap<>();
                for (String query : QUERIES) {
                    for (int i = 0; i < warmUp + measured; i++) {
                        boolean record = i >= warmUp;
                        // alternate which endpoint goes first, so neither always follows the other's job
                        if (i % 2 == 0) {
                            time(vanillaConnection, VANILLA, query, record, nanos);
                            time(enforcedConnection, ENFORCED, query, record, nanos);
                        } else {
                            time(enforcedConnection, ENFORCED, query, record, nanos);
                            time(vanillaConnection, VANILLA, query, record, nanos);
                        }
                    }
                }
                report(nanos, warmUp, measured, decisionApi.requests.get());
            } finally {
                vanilla.stop();
                enforced.stop();
                sessions.stop();
            }
        }
    }

    private static SqlGatewayRestEndpoint endpoint(Configuration gatewayConfig, SqlGatewayService service) throws Exception {
        Map<String, String> endpointOptions = Map.of("address", "127.0.0.1", "port", String.valueOf(freePort()));
        SqlGatewayRestEndpoint endpoint = new SqlGatewayRestEndpoint(
                SqlGatewayRestEndpointFactory.rebuildRestEndpointOptions(endpointOptions, gatewayConfig.toMap()), service);
        endpoint.start();
        return endpoint;
    }

    private static Connection connect(SqlGatewayRestEndpoint endpoint) throws Exception {
        Connection connection = DriverManager.getConnection(
                "jdbc:flink://127.0.0.1:" + endpoint.getServerAddress().getPort());
        try (Statement statement = connection.createStatement()) {
            for (String setup : SESSION_SETUP) {
                statement.execute(setup);
            }
        }
        return connection;
    }

    private static void time(
            Connection connection, String endpoint, String query, boolean record, Map<String, Map<String, List<Long>>> nanos)
            throws Exception {
        long start = System.nanoTime();
        int rows = 0;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows++;
            }
        }
        long took = System.nanoTime() - start;
        if (rows != 1) {
            throw new IllegalStateException(query + " returned " + rows + " rows, not 1");
        }
        if (record) {
            nanos.computeIfAbsent(query, q -> new HashMap<>()).computeIfAbsent(endpoint, e -> new ArrayList<>()).add(took);
        }
    }

    private static void report(Map<String, Map<String, List<Long>>> nanos, int warmUp, int measured, int decisionRequests) {
        System.out.printf("# %d warm-up and %d measured round trips per query and endpoint, %d cores; "
                + "decision API requests: %d%n", warmUp, measured, Runtime.getRuntime().availableProcessors(), decisionRequests);
        System.out.println("| query | vanilla median | vanilla p90 | enforced median | enforced p90 | enforced / vanilla (medians) |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (String query : QUERIES) {
            List<Long> vanilla = nanos.get(query).get(VANILLA);
            List<Long> enforced = nanos.get(query).get(ENFORCED);
            System.out.printf("| `%s` | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.3f |%n", query,
                    ms(percentile(vanilla, 50)), ms(percentile(vanilla, 90)),
                    ms(percentile(enforced, 50)), ms(percentile(enforced, 90)),
                    (double) percentile(enforced, 50) / percentile(vanilla, 50));
        }
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
