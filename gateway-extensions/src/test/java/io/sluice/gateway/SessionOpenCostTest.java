package io.sluice.gateway;

import io.sluice.gateway.testing.CountingProxy;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.localstack.LocalStack;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.gateway.SqlGateway;
import org.apache.flink.table.gateway.service.context.DefaultContext;
import org.apache.flink.table.gateway.service.session.SessionManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.GatewayStack.BOB;
import static io.sluice.gateway.testing.GatewayStack.BOB_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What opening a session asks catalog-service, counted on the HTTP path: a gateway of its own (the shared stack's
 * MiniCluster and catalog-service) reaches the real catalog-service through a {@link CountingProxy}.
 */
class SessionOpenCostTest {

    private static final Duration POLL = Duration.ofMillis(300);
    private static final String CATALOG = "/api/v1/environments/";

    private static GatewayStack stack;
    private static CountingProxy catalogService;
    private static SqlGateway gateway;
    private static String jdbcUrl;
    private static String gatewayAuthorization;
    private static String bobsToken;

    @BeforeAll
    static void startGatewayBehindProxy() throws Exception {
        stack = GatewayStack.withFreeSlots();
        String token = stack.issueToken("gateway", "gateway-password");
        gatewayAuthorization = "Bearer " + token;
        catalogService = new CountingProxy(stack.catalogServiceUrl);
        int port = LocalStack.freePort();
        URI cluster = stack.miniCluster.getRestAddress().get();
        Configuration config = new Configuration();
        config.setString("execution.target", "remote");
        config.setString("rest.address", cluster.getHost());
        config.setString("rest.port", String.valueOf(cluster.getPort()));
        config.setString("sql-gateway.endpoint.type", "sluice");
        String sluice = "sql-gateway.endpoint.sluice.";
        config.setString(sluice + "address", "127.0.0.1");
        config.setString(sluice + "port", String.valueOf(port));
        config.setString(sluice + "catalog-service.url", catalogService.url().toString());
        config.setString(sluice + "catalog-service.token", token);
        // offered, but no principal view lists design: it must be mounted for nobody
        config.setString(sluice + "environments", "test;prod;design");
        // long, so that no read-ahead of an ageing catalog falls into a count
        config.setString(sluice + "cache.catalog-ttl", "10 min");
        config.setString(sluice + "cache.change-poll-interval", POLL.toMillis() + " ms");
        // its JDBC clients send their credentials only when they connect
        config.setString(sluice + "session.accept-handle-only-requests", "true");
        gateway = new SqlGateway(config, SessionManager.create(new DefaultContext(config, List.of())));
        gateway.start();
        jdbcUrl = "jdbc:flink://127.0.0.1:" + port;
        awaitCalls(
                "the change feed reads the catalogs of test and prod ahead of any session",
                calls -> calls.stream().anyMatch(c -> isCatalogRead(c, "test"))
                        && calls.stream().anyMatch(c -> isCatalogRead(c, "prod")));
    }

    @AfterAll
    static void stop() {
        gateway.stop();
        catalogService.close();
    }

    @Test
    void theGatewayStartsAtTheFeedsEndAndNeverReadsItsHistory() {
        List<CountingProxy.Call> feed = catalogService.calls().stream()
                .filter(c -> c.path().startsWith("/api/v1/changes"))
                .toList();
        assertThat(feed).as("the first feed call asks where the feed ends").first()
                .satisfies(c -> assertThat(c.path()).isEqualTo("/api/v1/changes/end"));
        // the shared stack published its demo tables before this gateway started: the feed has a history
        assertThat(feed).as("no poll reads the feed from its start")
                .noneMatch(c -> c.path().startsWith("/api/v1/changes?after=0&"));
    }

    @Test
    void aSessionOpenMakesOneLoginCallAndReadsNoCatalog() throws Exception {
        // credentials this gateway has never seen, whatever test ran before
        bobsToken = stack.issueToken(BOB, BOB_PASSWORD);
        Properties login = new Properties();
        login.setProperty("token", bobsToken);
        int before = catalogService.calls().size();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login);
                Statement statement = connection.createStatement()) {
            // design is offered by the gateway, but bob's principal view does not list it: not mounted
            assertThat(firstColumn(statement, "SHOW CATALOGS")).containsExactlyInAnyOrder("test", "prod");
            assertThat(firstColumn(statement, "SHOW TABLES IN test.demo_kafka")).contains("orders");
        }
        assertThat(requestsSince(before))
                .as("bob's first session: one login check, no catalog read of his own")
                .containsExactly("GET /api/v1/principal as bob's token");

        before = catalogService.calls().size();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login);
                Statement statement = connection.createStatement()) {
            assertThat(firstColumn(statement, "SHOW CATALOGS")).containsExactlyInAnyOrder("test", "prod");
        }
        assertThat(requestsSince(before)).as("bob's second session: the login is cached too").isEmpty();
    }

    @Test
    void aPublicationIsReadOnceForEverySessionNotOncePerUser() throws Exception {
        String table = "opened_orders";
        int before = catalogService.calls().size();
        stack.publishOrdersLikeTopic(table);
        awaitCalls(
                "the change feed reads test's catalog again after the publication",
                calls -> calls.subList(before, calls.size()).stream().anyMatch(c -> isCatalogRead(c, "test")));
        Thread.sleep(3 * POLL.toMillis());

        int afterReadAhead = catalogService.calls().size();
        for (String[] user : List.of(new String[] {ALICE, ALICE_PASSWORD}, new String[] {BOB, BOB_PASSWORD})) {
            try (Connection connection = connect(user[0], user[1]);
                    Statement statement = connection.createStatement()) {
                assertThat(firstColumn(statement, "SHOW TABLES IN test.demo_kafka")).contains(table);
            }
        }
        List<CountingProxy.Call> all = catalogService.calls();
        assertThat(all.subList(before, all.size()).stream()
                        .filter(c -> c.path().equals(CATALOG + "test/catalog") || c.path().equals(CATALOG + "prod/catalog")))
                .as("one read of test's catalog, with the gateway's token, for all sessions; prod untouched")
                .singleElement()
                .satisfies(c -> assertThat(isCatalogRead(c, "test")).isTrue());
        // the project's quota (sessions per user), its functions per environment and (once per checksum, onto this
        // gateway's disk) their artifacts are read with the gateway's token and cached per project
        assertThat(requestsSince(afterReadAhead))
                .as("each user's session: at most its login check and its project's quota, functions and artifacts")
                .allMatch(r -> r.startsWith("GET /api/v1/principal as ")
                        || r.matches("GET /api/v1/projects/[a-z_]+/quota as gateway")
                        || r.matches("GET /api/v1/projects/[a-z_]+/functions/active\\?environment=(test|prod) as gateway")
                        || r.matches("GET /api/v1/projects/[a-z_]+/functions/artifacts/[0-9a-f]{64} as gateway"));
    }

    /** The requests since the {@code from}-th, but the change feed's polls, as "METHOD path as who". */
    private static List<String> requestsSince(int from) {
        List<CountingProxy.Call> calls = catalogService.calls();
        return calls.subList(from, calls.size()).stream()
                .filter(c -> !c.path().startsWith("/api/v1/changes"))
                .map(c -> c.method() + " " + c.path() + " as " + who(c.authorization()))
                .toList();
    }

    private static boolean isCatalogRead(CountingProxy.Call call, String environment) {
        return call.path().equals(CATALOG + environment + "/catalog") && gatewayAuthorization.equals(call.authorization());
    }

    private static String who(String authorization) {
        if (gatewayAuthorization.equals(authorization)) {
            return "gateway";
        }
        if (bobsToken != null && ("Bearer " + bobsToken).equals(authorization)) {
            return "bob's token";
        }
        if (authorization != null && authorization.startsWith("Basic ")) {
            String userAndPassword =
                    new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            return userAndPassword.substring(0, userAndPassword.indexOf(':'));
        }
        return String.valueOf(authorization);
    }

    private static void awaitCalls(String what, Predicate<List<CountingProxy.Call>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.test(catalogService.calls())) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Connection connect(String user, String password) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl, properties);
    }
}
