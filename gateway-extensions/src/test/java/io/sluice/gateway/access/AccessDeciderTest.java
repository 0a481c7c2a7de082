package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.contract.AccessDecision;
import io.sluice.contract.PrincipalView;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.catalogservice.OutageGrace;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.table.catalog.ObjectIdentifier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The decision cache and client against {@link DecisionApiStandIn}, a small real HTTP server that speaks the decision
 * API.
 */
class AccessDeciderTest {

    private static final Duration STALENESS = Duration.ofSeconds(5);

    private final AtomicLong nanos = new AtomicLong();
    private DecisionApiStandIn decisionApi;
    private List<JsonNode> requests;
    private Set<String> forbidden;

    @BeforeEach
    void start() {
        decisionApi = new DecisionApiStandIn();
        requests = decisionApi.requests;
        forbidden = decisionApi.forbidden;
    }

    @AfterEach
    void stop() {
        decisionApi.close();
    }

    private AccessDecider decider() {
        OutageGrace outage = new OutageGrace(Duration.ZERO, nanos::get);
        return new AccessDecider(decisionApi.client(outage)::decide, STALENESS, 1_000, outage);
    }

    private static DecisionKey key(String table, String... columns) {
        return new DecisionKey("bob", "other", "test", table, Action.SELECT, List.of(columns));
    }

    @Test
    void asksOnceForAllMissesAndAnswersHitsFromTheCache() {
        forbidden.add("salaries");
        AccessDecider decider = decider();

        AccessDecision[] first = decider.decide(new DecisionKey[] {key("sales", "id"), key("salaries")});
        assertThat(first).extracting(AccessDecision::allowed).containsExactly(true, false);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).hasSize(2);

        assertThat(decider.decide(new DecisionKey[] {key("salaries"), key("sales", "id")}))
                .extracting(AccessDecision::allowed).containsExactly(false, true);
        assertThat(requests).hasSize(1);

        decider.decide(new DecisionKey[] {key("sales", "id"), key("sales", "amount")});
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).singleElement().satisfies(check -> assertThat(check.get("columns").get(0).asText()).isEqualTo("amount"));
    }

    @Test
    void speaksTheContractWithTheServiceToken() {
        decider().decide(new DecisionKey[] {new DecisionKey("bob", "other", "prod", "totals", Action.INSERT, List.of())});
        assertThat(decisionApi.authorizations).containsExactly("Bearer gateway-token");
        JsonNode check = requests.get(0).get(0);
        assertThat(check.get("user").asText()).isEqualTo("bob");
        assertThat(check.get("project").asText()).isEqualTo("other");
        assertThat(check.get("environment").asText()).isEqualTo("prod");
        assertThat(check.get("table").asText()).isEqualTo("totals");
        assertThat(check.get("action").asText()).isEqualTo("insert");
        assertThat(check.get("columns")).isEmpty();
    }

    @Test
    void aRevokedGrantStopsWorkingOnceTheDecisionIsStalerThanTheBound() {
        AccessDecider decider = decider();
        DecisionKey sales = key("sales", "id");
        assertThat(decider.decide(new DecisionKey[] {sales})[0].allowed()).isTrue();

        forbidden.add("sales"); // the grant is revoked in catalog-service
        nanos.addAndGet(STALENESS.minusMillis(1).toNanos());
        assertThat(decider.decide(new DecisionKey[] {sales})[0].allowed()).as("still within the bound").isTrue();
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(decider.decide(new DecisionKey[] {sales})[0].allowed()).as("past the bound").isFalse();
        assertThat(requests).hasSize(2);
    }

    @Test
    void refusesTheStatementWhenCatalogServiceCannotDecide() {
        decisionApi.status = 500;
        AccessDecider decider = decider();
        assertThatThrownBy(() -> decider.decide(new DecisionKey[] {key("sales")}))
                .isInstanceOf(CatalogServiceException.class)
                .hasMessageContaining("catalog-service is unreachable (it answered the access check with HTTP 500)");

        AccessEnforcer enforcer = new AccessEnforcer(decider, Set.of("test"), option -> false, STALENESS);
        PrincipalView bob = new PrincipalView("bob", "Bob", "other", "developer", List.of(), List.of(), List.of());
        StatementAccess read = new StatementAccess(
                List.of(new TableAccess(ObjectIdentifier.of("test", "shop", "sales"), false, Action.SELECT, List.of(), Map.of())),
                List.of(), 1);
        assertThatThrownBy(() -> enforcer.enforce(bob, read)).hasMessageContaining("Access cannot be decided now");

        decisionApi.status = 200;
        assertThat(decider.decide(new DecisionKey[] {key("sales")})[0].allowed()).as("nothing was cached").isTrue();
    }

    @Test
    void whileCatalogServiceFailsADecisionStandsForTheOutageGraceAfterItsLastConfirmation() {
        Duration grace = Duration.ofMinutes(1);
        OutageGrace outage = new OutageGrace(grace, nanos::get);
        AccessDecider decider = new AccessDecider(decisionApi.client(outage)::decide, STALENESS, 1_000, outage);
        DecisionKey sales = key("sales", "id");
        assertThat(decider.decide(new DecisionKey[] {sales})[0].allowed()).isTrue();

        forbidden.add("sales"); // revoked, and catalog-service fails before the gateway asks again
        decisionApi.status = 503;
        nanos.addAndGet(grace.minusMillis(1).toNanos());
        assertThat(decider.decide(new DecisionKey[] {sales})[0].allowed()).as("within the grace").isTrue();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThatThrownBy(() -> decider.decide(new DecisionKey[] {sales}))
                .isInstanceOf(CatalogServiceException.class)
                .hasMessageStartingWith("catalog-service is unreachable (it answered the access check with HTTP 503).");

        decisionApi.status = 200;
        assertThat(decider.decide(new DecisionKey[] {sales})[0].allowed()).as("back: the revoke applies").isFalse();
    }

        @Test
    void namesTheTableThePrivilegeAndHowToApply() {
        forbidden.add("orders");
        AccessEnforcer enforcer = new AccessEnforcer(decider(), Set.of("test"), option -> false, STALENESS);
        PrincipalView bob = new PrincipalView("bob", "Bob", "other", "developer", List.of(), List.of(), List.of());
        StatementAccess read = new StatementAccess(
                List.of(new TableAccess(ObjectIdentifier.of("test", "demo_kafka", "orders"), false, Action.SELECT,
                        List.of("amount", "id"), Map.of())),
                List.of(), 1);

        assertThat(enforcer.check(bob, read)).hasValueSatisfying(denial -> {
            assertThat(denial.subject()).isEqualTo("test.demo_kafka.orders");
            assertThat(denial.privilege()).isEqualTo("select");
            assertThat(denial.message())
                    .startsWith("bob (project other) may not select test.demo_kafka.orders (columns amount, id)")
                    .contains("no select privilege")
                    .contains("apply for select on test.demo_kafka.orders: POST /api/v1/tables/orders/applications");
        });
    }

    @Test
    void theTableFactorysCheckPassesWhatAStatementWasJustAllowed() {
        AccessEnforcer enforcer = new AccessEnforcer(decider(), Set.of("test"), option -> false, STALENESS);
        PrincipalView bob = new PrincipalView("bob", "Bob", "other", "developer", List.of(), List.of(), List.of());
        ObjectIdentifier sales = ObjectIdentifier.of("test", "shop", "sales");
        enforcer.enforce(bob, new StatementAccess(
                List.of(new TableAccess(sales, false, Action.SELECT, List.of("id"), Map.of())), List.of(), 1));
        int asked = requests.size();

        enforcer.requireTable(bob, sales, Action.SELECT);
        assertThat(requests).as("allowed moments ago: not asked again").hasSize(asked);

        forbidden.add("salaries");
        assertThatThrownBy(() -> enforcer.requireTable(bob, ObjectIdentifier.of("test", "shop", "salaries"), Action.SELECT))
                .hasMessageStartingWith("Access denied: bob (project other) may not select test.shop.salaries");
        enforcer.requireTable(bob, ObjectIdentifier.of("default_catalog", "default_database", "mine"), Action.INSERT);
    }
}
