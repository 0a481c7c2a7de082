package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayRest;
import io.sluice.gateway.testing.GatewayRest.Reply;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.JdbcClientMain;
import io.sluice.localstack.ChildJvm;
import io.sluice.localstack.LocalStack;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sluice.gateway.testing.GatewayRest.basic;
import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session answers only requests with its owner's credentials (unless handle-only requests are accepted), and
 * only while the owner's login is valid: a revoked token or a removed member loses the open session, and a
 * statement it is running, within the login cache's TTL — with the real catalog-service of the test stack, on a
 * second gateway whose settings are the production default (handle-only requests refused) and a short TTL.
 */
class SessionLoginTest {

    private static final Duration LOGIN_TTL = Duration.ofSeconds(2);
    /** TTL + one revalidation sweep + a catalog-service call, with room for a busy machine. */
    private static final Duration WITHIN = LOGIN_TTL.plusSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GatewayStack stack;
    private static LocalStack.ExtraGateway strict;

    @BeforeAll
    static void startStrictGateway() throws Exception {
        stack = GatewayStack.withFreeSlots();
        strict =
                stack.startSluiceGateway(
                        Map.of(
                                LocalStack.SLUICE + "session.accept-handle-only-requests", "false",
                                LocalStack.SLUICE + "cache.login-ttl", LOGIN_TTL.toMillis() + " ms"));
    }

    @AfterAll
    static void stopStrictGateway() {
        if (strict != null) {
            strict.close();
        }
    }

    @Test
    void withoutCredentialsAHandleIsNotEnough() throws Exception {
        GatewayRest owner = new GatewayRest(strict.restUrl(), basic(ALICE, ALICE_PASSWORD));
        String session = owner.openSession();
        GatewayRest anonymous = owner.withAuthorization(null);

        Reply statement = anonymous.post(statements(session), "{\"statement\":\"SELECT 1\"}");
        assertThat(statement.status()).isEqualTo(401);
        assertThat(statement.error())
                .isEqualTo("Login failed: this request names session " + session + " but carries no credentials. "
                        + "Send the Authorization header of the user who opened it ('Bearer <token>' or Basic) with "
                        + "every request (JDBC: set FLINK_REST_CLIENT_HEADERS to 'Authorization:Bearer <token>').");
        assertThat(anonymous.get("/v3/sessions/" + session).status()).isEqualTo(401);
        assertThat(anonymous.post("/v3/sessions/" + session + "/heartbeat", "").status()).isEqualTo(401);
        // the owner's other credentials (a token) are the owner's too
        String token = "Bearer " + stack.issueToken(ALICE, ALICE_PASSWORD);
        assertThat(owner.withAuthorization(token).run(session, "SELECT 1").toString()).isEqualTo("[[1]]");
        assertThat(owner.run(session, "SELECT 2").toString()).isEqualTo("[[2]]");

        // the shared test stack accepts handle-only requests, as Flink's JDBC driver needs
        GatewayRest shared = new GatewayRest(stack.restUrl(), basic(ALICE, ALICE_PASSWORD));
        String jdbcLike = shared.openSession();
        assertThat(shared.withAuthorization(null).run(jdbcLike, "SELECT 3").toString()).isEqualTo("[[3]]");
    }

    @Test
    void jdbcClientsNeedTheHeaderOnEveryRequestWhenHandlesAloneAreRefused() throws Exception {
        try (ChildJvm bare = jdbcClient(Map.of())) {
            assertThat(bare.awaitLine(line -> line.contains("carries no credentials"), Duration.ofSeconds(60)))
                    .contains("Login failed: this request names session");
        }
        try (ChildJvm withHeader =
                jdbcClient(Map.of("FLINK_REST_CLIENT_HEADERS", "Authorization:" + basic(ALICE, ALICE_PASSWORD)))) {
            withHeader.awaitLine(line -> line.equals("DONE"), Duration.ofSeconds(60));
            assertThat(withHeader.output()).contains("ROW ok");
        }
    }

    /** Flink's JDBC driver in a JVM of its own, logging in with user and password and running SELECT 'ok'. */
    private static ChildJvm jdbcClient(Map<String, String> env) throws Exception {
        return ChildJvm.start(
                "jdbc-client",
                List.of(
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("jdbc.client.dir") + File.separator + "*" + File.pathSeparator
                                + System.getProperty("test.classes.dir"),
                        JdbcClientMain.class.getName(),
                        strict.jdbcUrl(),
                        ALICE,
                        ALICE_PASSWORD,
                        "SELECT 'ok'"),
                env);
    }

    @Test
    void revokedTokenLosesItsSessionWithinTheLoginTtl() throws Exception {
        JsonNode issued = issueToken();
        GatewayRest client = new GatewayRest(strict.restUrl(), "Bearer " + issued.get("token").asText());
        String session = client.openSession();
        assertThat(client.run(session, "SELECT 1").toString()).isEqualTo("[[1]]");

        stack.catalogService("DELETE", "/api/v1/tokens/" + issued.get("id").asLong(), ALICE, ALICE_PASSWORD, null);
        Reply refused = loginFailure(client, session);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.error())
                .startsWith("Login failed: the login of session " + session + " is no longer valid (")
                .endsWith("), so the gateway closed the session and its statements. Log in again.");
        // and it stays closed, saying why
        assertThat(client.post(statements(session), "{\"statement\":\"SELECT 1\"}").error()).isEqualTo(refused.error());
    }

    @Test
    void removedMemberLosesItsSessionWithinTheLoginTtl() throws Exception {
        String user = "member" + (System.nanoTime() % 1_000_000);
        String password = user + "-password";
        stack.catalogService(
                "POST", "/api/v1/users", "admin", "admin-password",
                "{\"username\":\"" + user + "\",\"displayName\":\"Leaving member\",\"password\":\"" + password
                        + "\",\"platformRoles\":[]}");
        stack.catalogService(
                "PUT", "/api/v1/projects/demo/members/" + user, ALICE, ALICE_PASSWORD, "{\"role\":\"developer\"}");
        GatewayRest member = new GatewayRest(strict.restUrl(), basic(user, password));
        String session = member.openSession();
        assertThat(member.run(session, "SELECT 1").toString()).isEqualTo("[[1]]");

        stack.catalogService("DELETE", "/api/v1/projects/demo/members/" + user, ALICE, ALICE_PASSWORD, null);
        Reply refused = loginFailure(member, session);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.error())
                .isEqualTo("Login failed: the login of session " + session + " is no longer valid (" + user
                        + " is no longer a member of project demo), so the gateway closed the session and its "
                        + "statements. Log in again.");
    }

    @Test
    void runningStatementEndsWhenItsTokenIsRevokedThoughTheClientIsSilent() throws Exception {
        stack.produce("orders", List.of("{\"order_id\":90,\"customer\":\"rev\",\"amount\":1.00,\"order_time\":\"2026-11-03 09:00:00\"}"));
        JsonNode issued = issueToken();
        GatewayRest client = new GatewayRest(strict.restUrl(), "Bearer " + issued.get("token").asText());
        String session = client.openSession();
        Reply executed = client.post(statements(session), "{\"statement\":\"SELECT order_id FROM test.demo_kafka.orders\"}");
        assertThat(executed.status()).as(executed.toString()).isEqualTo(200);
        String operation = executed.body().get("operationHandle").asText();
        JobID job = firstRowsArrived(client, session, operation);

        stack.catalogService("DELETE", "/api/v1/tokens/" + issued.get("id").asLong(), ALICE, ALICE_PASSWORD, null);
        long revoked = System.nanoTime();
        // silent client: only the gateway's own check of running sessions can end the job this soon (the
        // abandoned-statement cleanup waits for 8 s of silence)
        while (!stack.miniCluster.getJobStatus(job).get().isGloballyTerminalState()) {
            assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(WITHIN);
            Thread.sleep(100);
        }
        assertThat(stack.miniCluster.getJobStatus(job).get()).isEqualTo(JobStatus.CANCELED);
        Reply next = client.get("/v3/sessions/" + session + "/operations/" + operation + "/status");
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.error()).startsWith("Login failed: the login of session " + session + " is no longer valid (");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Runs SELECT 1 in the session until the gateway answers with a login failure; fails unless that happens within
     * the TTL + margin. (A removed member's statement may be refused a moment earlier for another reason — its
     * catalogs are no longer readable — which is no less closed.)
     */
    private static Reply loginFailure(GatewayRest client, String session) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            Reply reply = client.post(statements(session), "{\"statement\":\"SELECT 1\"}");
            if (reply.status() == 401) {
                return reply;
            }
            assertThat(reply.status()).as(reply.toString()).isIn(200, 400, 403);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("still served").isLessThan(WITHIN);
            Thread.sleep(200);
        }
    }

    /** Fetches a streaming query until its first row arrives (so its job runs); returns the job. */
    private static JobID firstRowsArrived(GatewayRest client, String session, String operation) throws InterruptedException {
        String next = "/v3/sessions/" + session + "/operations/" + operation + "/result/0";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Reply page = client.get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            if (page.body().path("results").path("data").size() > 0) {
                return JobID.fromHexString(page.body().get("jobID").asText());
            }
            if (page.body().hasNonNull("nextResultUri")) {
                next = page.body().get("nextResultUri").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no row of the streaming query within 60 s");
    }

    private static JsonNode issueToken() throws Exception {
        return JSON.readTree(stack.catalogService("POST", "/api/v1/tokens", ALICE, ALICE_PASSWORD, "{\"name\":\"to_revoke\"}"));
    }

    private static String statements(String session) {
        return "/v3/sessions/" + session + "/statements";
    }
}
