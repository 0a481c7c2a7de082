package io.sluice.gateway;

import static io.sluice.gateway.testing.GatewayRest.basic;
import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.GatewayStack.DANA;
import static io.sluice.gateway.testing.GatewayStack.DANA_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.CountingProxy;
import io.sluice.gateway.testing.GatewayRest;
import io.sluice.gateway.testing.GatewayRest.Reply;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.localstack.LocalStack;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The real catalog-service of the test stack is stopped under open sessions of a gateway with a short outage grace
 * and caches of 1 s (so that every statement before the outage has catalog-service confirm its login, catalog,
 * connection, decision and quota, and during it every one of them stands on the grace): the sessions' known
 * statements go on within the grace, a new login and a statement the gateway has not seen are refused naming
 * catalog-service, a grant revoked just before the outage is honoured no longer than the grace after its last
 * confirmation, and after catalog-service is started again on its database everything is current.
 *
 * <p>The gateway reaches catalog-service through a pass-through ({@link CountingProxy}, which answers 502 while
 * catalog-service is down, as a reverse proxy would) only to see when its change feed polls: the revoke and the
 * stop happen right after a poll, with the next one 25 s away, so that the gateway has not read the revoke.
 */
class CatalogServiceOutageTest {

    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final String GRACE_TEXT = GRACE.toSeconds() + " s";
    private static final Duration FEED_POLL = Duration.ofSeconds(25);
    /** A request or two on a busy machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static final String CACHES = "1 s";

    private static final String COUNT_ORDERS =
            "SELECT COUNT(*) FROM test.demo_kafka.orders /*+ OPTIONS('scan.bounded.mode'='latest-offset') */";
    private static final String EXPLAIN_ORDER_IDS = "EXPLAIN SELECT order_id FROM test.demo_kafka.orders";

    private static GatewayStack stack;
    private static CountingProxy catalogService;
    private static LocalStack.ExtraGateway gateway;
    private static String reader;

    @BeforeAll
    static void startGateway() throws Exception {
        stack = GatewayStack.withFreeSlots();
        reader = "reader" + (System.nanoTime() % 1_000_000);
        // a project of its own, which no other test grants anything
        stack.catalogService("POST", "/api/v1/projects", "admin", "admin-password", "{\"name\":\"" + reader + "\"}");
        stack.catalogService(
                "POST", "/api/v1/users", "admin", "admin-password",
                "{\"username\":\"" + reader + "\",\"displayName\":\"Reads orders by a grant\",\"password\":\""
                        + password(reader) + "\",\"platformRoles\":[]}");
        stack.catalogService(
                "PUT", "/api/v1/projects/" + reader + "/members/" + reader, "admin", "admin-password", "{\"role\":\"developer\"}");
        catalogService = new CountingProxy(stack.catalogServiceUrl);
        gateway =
                stack.startSluiceGateway(
                        Map.of(
                                LocalStack.SLUICE + "catalog-service.url", catalogService.url().toString(),
                                LocalStack.SLUICE + "catalog-service.outage-grace", GRACE.toSeconds() + " s",
                                LocalStack.SLUICE + "cache.change-poll-interval", FEED_POLL.toSeconds() + " s",
                                LocalStack.SLUICE + "cache.login-ttl", CACHES,
                                LocalStack.SLUICE + "cache.catalog-ttl", CACHES,
                                LocalStack.SLUICE + "cache.connection-ttl", CACHES,
                                LocalStack.SLUICE + "cache.quota-ttl", CACHES,
                                LocalStack.SLUICE + "access.decision-staleness", CACHES));
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
        if (catalogService != null) {
            catalogService.close();
        }
    }

    @Test
    void openSessionsGoOnForTheGraceAndNoLongerAndAllIsCurrentOnceCatalogServiceIsBack() throws Exception {
        GatewayRest alice = new GatewayRest(gateway.restUrl(), basic(ALICE, ALICE_PASSWORD));
        GatewayRest readerClient = new GatewayRest(gateway.restUrl(), basic(reader, password(reader)));
        String aliceSession = alice.openSession();
        String readerSession = readerClient.openSession();
        assertThat(readerClient.attempt(readerSession, EXPLAIN_ORDER_IDS).status()).as("before the grant").isEqualTo(403);
        long grant = grantOrdersToReader();
        Thread.sleep(1_100); // the decision cache's 1 s
        runs(alice, aliceSession, COUNT_ORDERS, "a query with a job");
        runs(readerClient, readerSession, EXPLAIN_ORDER_IDS, "granted");

        int polls = awaitFeedPoll();
        runs(alice, aliceSession, COUNT_ORDERS, "a query with a job");
        // from here on, catalog-service confirms what the reader's statement stands on (some of it for alice's too)
        long confirmedSince = System.nanoTime();
        runs(alice, aliceSession, EXPLAIN_ORDER_IDS, "a plan");
        long readerConfirmed = System.nanoTime();
        runs(readerClient, readerSession, EXPLAIN_ORDER_IDS, "granted");
        stack.catalogService("DELETE", "/api/v1/access/grants/" + grant, DANA, DANA_PASSWORD, null);
        assertThat(feedPolls()).as("the gateway's change feed has not read the revoke: the machine was too slow").isEqualTo(polls);
        stack.stopCatalogService();
        try {
            // within the grace: what the sessions did before goes on, on what the gateway last read
            runs(alice, aliceSession, COUNT_ORDERS, "a query with a job: login, catalog, connection, decision, quota");
            runs(alice, aliceSession, EXPLAIN_ORDER_IDS, "a plan");
            runs(readerClient, readerSession, EXPLAIN_ORDER_IDS, "the revoke is not known yet, and the grace has not passed");

            Reply login = alice.post("/v3/sessions", "{\"properties\":{}}");
            assertThat(login.status()).isEqualTo(503);
            assertThat(login.error())
                    .startsWith("catalog-service is unreachable (it answered HTTP 502). New logins are refused until "
                            + "catalog-service is back; sessions already open go on for up to " + GRACE_TEXT + ".");

            Reply unknown = alice.attempt(aliceSession, "EXPLAIN SELECT customer FROM test.demo_kafka.orders");
            assertThat(unknown.status()).as("a decision never asked for").isNotEqualTo(200);
            assertThat(unknown.error()).contains("catalog-service is unreachable").contains("younger than " + GRACE_TEXT);

            // the revoked grant is honoured until the grace after its last confirmation, and not after
            long lastAllowed = readerConfirmed;
            Reply refused;
            while ((refused = readerClient.attempt(readerSession, EXPLAIN_ORDER_IDS)).status() == 200
                    && System.nanoTime() - readerConfirmed < GRACE.plus(SLACK.multipliedBy(3)).toNanos()) {
                lastAllowed = System.nanoTime();
                Thread.sleep(200);
            }
            long refusedAt = System.nanoTime();
            assertThat(refused.status()).as("refused past the grace: " + refused).isNotEqualTo(200);
            assertThat(refused.error()).contains("catalog-service is unreachable").contains("younger than " + GRACE_TEXT);
            assertThat(Duration.ofNanos(refusedAt - readerConfirmed)).isLessThanOrEqualTo(GRACE.plus(SLACK));
            assertThat(Duration.ofNanos(lastAllowed - confirmedSince)).as("allowed up to the grace")
                    .isGreaterThanOrEqualTo(GRACE.minus(SLACK));
            assertThat(alice.attempt(aliceSession, EXPLAIN_ORDER_IDS).error())
                    .as("every session's last reads are past the grace by now")
                    .contains("catalog-service is unreachable");
        } finally {
            stack.restartCatalogService();
        }

        // back: the revoke applies, the sessions that were open go on, logins work, the change feed reads on
        Reply denied = awaitReply(readerClient, readerSession, EXPLAIN_ORDER_IDS, r -> r.status() == 403);
        assertThat(denied.error())
                .as("%s; orders' access: %s", denied, denied.status() == 403 ? "" : stack.catalogService(
                        "GET", "/api/v1/tables/orders/access?environment=test", DANA, DANA_PASSWORD, null))
                .startsWith("Access denied: " + reader + " (project " + reader + ") may not select test.demo_kafka.orders");
        runs(alice, aliceSession, COUNT_ORDERS, "a query with a job");
        assertThat(alice.openSession()).isNotBlank();
        int pollsAfterRestart = feedPolls();
        String published = "after_outage_" + (System.nanoTime() % 1_000_000);
        stack.publishOrdersLikeTopic(published);
        assertThat(awaitReply(alice, aliceSession, "EXPLAIN SELECT order_id FROM test.demo_kafka." + published,
                        r -> r.status() == 200).status())
                .as("a table published after the restart, in a session opened before the outage")
                .isEqualTo(200);
        awaitFeedPollAfter(pollsAfterRestart);
    }

    private static void runs(GatewayRest client, String session, String statement, String what)
            throws InterruptedException {
        Reply reply = client.attempt(session, statement);
        assertThat(reply.status()).as(what + ": " + reply).isEqualTo(200);
    }

    /** The id of the reader's new grant: catalog-service answers with every grant on the table. */
    private long grantOrdersToReader() throws Exception {
        String grants =
                stack.catalogService(
                        "POST", "/api/v1/access/whitelist", DANA, DANA_PASSWORD,
                        "{\"environment\":\"test\",\"tables\":[\"orders\"],\"users\":[\"" + reader
                                + "\"],\"privileges\":[\"select\"]}");
        for (JsonNode grant : new ObjectMapper().readTree(grants)) {
            if (grant.path("grantee").asText().equals(reader)) {
                return grant.path("id").asLong();
            }
        }
        throw new AssertionError("No grant to " + reader + " in " + grants);
    }

    /** How often the gateway has read the change feed so far. */
    private static int feedPolls() {
        return (int) catalogService.calls().stream().filter(c -> c.path().startsWith("/api/v1/changes")).count();
    }

    /** Waits for the change feed's next poll and its reads: the next poll is a whole interval away. */
    private static int awaitFeedPoll() throws InterruptedException {
        int polls = awaitFeedPollAfter(feedPolls());
        Thread.sleep(300);
        return feedPolls();
    }

    private static int awaitFeedPollAfter(int polls) throws InterruptedException {
        long deadline = System.nanoTime() + FEED_POLL.plus(SLACK).toNanos();
        while (feedPolls() == polls) {
            assertThat(System.nanoTime()).as("the change feed polls within its interval").isLessThan(deadline);
            Thread.sleep(50);
        }
        return feedPolls();
    }

    /** Runs the statement until its reply is as expected (catalog-service has just started), at most a few seconds. */
    private static Reply awaitReply(GatewayRest client, String session, String statement, Predicate<Reply> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + SLACK.multipliedBy(2).toNanos();
        Reply reply = client.attempt(session, statement);
        while (!expected.test(reply) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reply = client.attempt(session, statement);
        }
        return reply;
    }

    private static String password(String user) {
        return user + "-password";
    }
}
