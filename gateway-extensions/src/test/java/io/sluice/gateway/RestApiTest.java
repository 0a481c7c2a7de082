package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayRest;
import io.sluice.gateway.testing.GatewayRest.Reply;
import io.sluice.gateway.testing.GatewayStack;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.GatewayStack.BOB;
import static io.sluice.gateway.testing.GatewayStack.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's REST API (v3, as curl or any HTTP client calls it) with and without a valid token. */
class RestApiTest {

    private static GatewayStack stack;
    private static GatewayRest alice;

    @BeforeAll
    static void login() {
        stack = GatewayStack.withFreeSlots();
        alice = new GatewayRest(stack.restUrl(), "Bearer " + stack.issueToken(ALICE, ALICE_PASSWORD));
    }

    @Test
    void tokenOpensASessionThatRunsStatements() throws Exception {
        String session = alice.openSession();
        assertThat(alice.run(session, "SELECT 1 AS n").toString()).isEqualTo("[[1]]");
        assertThat(alice.run(session, "SHOW CATALOGS").toString()).isEqualTo("[[\"prod\"],[\"test\"]]");
        String config = alice.get("/v3/sessions/" + session).body().toString();
        // the gateway's own settings are never listed to a tenant
        assertThat(config).contains("properties").doesNotContain("sql-gateway.endpoint.", "token", "execution.target",
                "rest.address", "pipeline.global-job-parameters");
    }

    @Test
    void everyApiVersionIsGoverned() {
        for (String version : new String[] {"v1", "v2", "v3", "v4"}) {
            assertThat(alice.post("/" + version + "/sessions", "{\"properties\":{}}").status()).as(version).isEqualTo(200);
            Reply anonymous = alice.withAuthorization(null).post("/" + version + "/sessions", "{\"properties\":{}}");
            assertThat(anonymous.status()).as(version).isEqualTo(401);
        }
    }

    @Test
    void withoutTokenNoSession() {
        Reply reply = alice.withAuthorization(null).post("/v3/sessions", "{\"properties\":{}}");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).startsWith("Login failed: no credentials.");
        assertCleanError(reply);
    }

    @Test
    void invalidTokenNoSession() {
        Reply reply = alice.withAuthorization("Bearer not-a-token").post("/v3/sessions", "{\"properties\":{}}");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).startsWith("Login failed: ");
        assertCleanError(reply);
    }

    @Test
    void basicAuthorizationWorksToo() {
        String basic = "Basic " + Base64.getEncoder().encodeToString((ALICE + ":" + ALICE_PASSWORD).getBytes());
        assertThat(alice.withAuthorization(basic).post("/v3/sessions", "{\"properties\":{}}").status()).isEqualTo(200);
    }

    @Test
    void anotherUserCannotUseTheSessionHandle() {
        String session = alice.openSession();
        String bobBasic = "Basic " + Base64.getEncoder().encodeToString((BOB + ":" + BOB_PASSWORD).getBytes());
        Reply reply =
                alice.withAuthorization(bobBasic)
                        .post("/v3/sessions/" + session + "/statements", "{\"statement\":\"SELECT 1\"}");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo(
                "Access denied: session " + session + " belongs to another user; bob may use only sessions it opened.");
        assertThat(alice.withAuthorization(bobBasic).get("/v3/sessions/" + session).status()).isEqualTo(403);
    }

    @Test
    void tableRouteListsADatabaseWithColumnsForTheSessionsOwnerOnly() throws InterruptedException {
        String session = alice.openSession();
        try {
            String route = "/v3/sessions/" + session + "/sluice/tables?catalog=test&database=demo_kafka";
            Reply all = alice.get(route);
            assertThat(all.status()).isEqualTo(200);
            JsonNode orders = null;
            for (JsonNode table : all.body().get("tables")) {
                if (table.get("name").asText().equals("orders")) {
                    orders = table;
                }
            }
            assertThat(orders).as("orders in " + all.body()).isNotNull();
            assertThat(orders.get("kind").asText()).isEqualTo("TABLE");
            assertThat(orders.get("comment").asText()).isEqualTo("Orders placed in the demo shop");
            // the columns DESCRIBE gives: name, type, nullability
            StringBuilder described = new StringBuilder();
            for (JsonNode row : alice.runAlone("DESCRIBE `test`.`demo_kafka`.`orders`")) {
                described.append(row.get(0).asText()).append(' ').append(row.get(1).asText()).append(' ')
                        .append(row.get(2).asBoolean()).append(';');
            }
            StringBuilder listed = new StringBuilder();
            for (JsonNode column : orders.get("columns")) {
                listed.append(column.get("name").asText()).append(' ').append(column.get("type").asText())
                        .append(' ').append(column.get("nullable").asBoolean()).append(';');
            }
            assertThat(listed.toString()).isEqualTo(described.toString()).startsWith("order_id BIGINT");
            assertThat(orders.toString()).doesNotContain("bootstrap", "connector", "password");

            Reply one = alice.get(route + "&table=orders");
            assertThat(one.body().get("tables")).hasSize(1);
            assertThat(alice.get(route + "&table=no_such_table").body().get("tables")).isEmpty();

            String bobBasic = "Basic " + Base64.getEncoder().encodeToString((BOB + ":" + BOB_PASSWORD).getBytes());
            Reply bob = alice.withAuthorization(bobBasic).get(route);
            assertThat(bob.status()).isEqualTo(403);
            assertThat(bob.error()).contains("belongs to another user");

            Reply noDatabase = alice.get("/v3/sessions/" + session + "/sluice/tables?catalog=test");
            assertThat(noDatabase.status()).isEqualTo(400);
            assertThat(noDatabase.error()).startsWith("The URL names no database");
            assertCleanError(noDatabase);
            Reply unknown = alice.get("/v3/sessions/" + session + "/sluice/tables?catalog=nope&database=demo_kafka");
            assertThat(unknown.status()).isBetween(400, 404);
            assertCleanError(unknown);
        } finally {
            alice.delete("/v3/sessions/" + session);
        }
    }

    @Test
    void aStatementCannotRedirectItsJob() {
        String session = alice.openSession();
        Reply reply =
                alice.post(
                        "/v3/sessions/" + session + "/statements",
                        "{\"statement\":\"SELECT 1\",\"executionConfig\":{\"execution.target\":\"local\"}}");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).startsWith("Access denied: a session may not set execution.target");
        assertCleanError(reply);
    }

    @Test
    void routesPastTheGovernedServiceAreRefused() {
        String session = alice.openSession();
        Reply script = alice.post("/v4/sessions/" + session + "/scripts", "{\"script\":\"SELECT 1;\"}");
        assertThat(script.status()).isEqualTo(403);
        assertThat(script.error()).isEqualTo("Access denied: deploying scripts is not offered through this gateway.");
        Reply refresh =
                alice.post("/v3/sessions/" + session + "/materialized-tables/test.demo_kafka.x/refresh", "{}");
        assertThat(refresh.status()).isEqualTo(403);
        Reply scheduler = alice.post("/v3/workflow/embedded-scheduler/create", "{}");
        assertThat(scheduler.status()).as(scheduler.toString()).isEqualTo(403);
    }

    private static void assertCleanError(Reply reply) {
        assertThat(reply.body().toString()).doesNotContain("\\tat ", "Exception on server side", "Internal server error");
    }
}
