package io.sluice.catalog.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grants, applications and decisions over HTTP on PostgreSQL. */
class AccessApiTest extends ApiTest {

    private String owner;
    private String consumerProject;
    private String consumerName;
    private Api ownerAdmin;
    private Api consumer;
    private Api dataAdmin;
    private Api otherAdmin;
    private Api gateway;

    @BeforeEach
    void setUp() {
        String ownerAdminName = unique("own");
        ownerAdmin = newUser(ownerAdminName);
        owner = unique("shop");
        newProject(owner, ownerAdminName);
        consumerName = unique("con");
        consumer = newUser(consumerName);
        consumerProject = unique("bi");
        newProject(consumerProject, null);
        admin().put("/api/v1/projects/" + consumerProject + "/members/" + consumerName, Map.of("role", "developer"));
        dataAdmin = newUser(unique("dana"), "data_admin");
        otherAdmin = newUser(unique("dora"), "data_admin");
        gateway = newUser(unique("gw"), "gateway");
    }

    private AccessRulesView decide(String user, String project, String table, String action, List<String> columns) {
        Map<String, Object> check = new HashMap<>(Map.of("user", user, "environment", "test", "table", table, "action", action, "columns", columns));
        if (project != null) {
            check.put("project", project);
        }
        ApiResponse response = gateway.post("/api/v1/access/decisions", List.of(check));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var decision = response.json().get(0);
        return new AccessRulesView(decision.path("allowed").asBoolean(), decision.path("rule").asText(), decision.path("reason").asText());
    }

    record AccessRulesView(boolean allowed, String rule, String reason) {}

    private Map<String, Object> apply(String applyFor, List<String> privileges, List<String> columns) {
        Map<String, Object> body = new HashMap<>(Map.of("environment", "test", "privileges", privileges, "applyFor", applyFor, "reason", "dashboards"));
        if (columns != null) {
            body.put("columns", columns);
        }
        return body;
    }

    @Test
    void applyApproveAndTheDecisionFollowsThroughRevocation() {
        String topic = publishedToTest(ownerAdmin, owner, dataAdmin, true);
        assertThat(decide(consumerName, consumerProject, topic, "select", List.of()).rule()).isEqualTo("no_grant");
        assertThat(decide(consumerName, owner, topic, "select", List.of()).rule()).as("not a member of the owner").isEqualTo("not_member");

        ApiResponse applied = consumer.post("/api/v1/tables/" + topic + "/applications", apply("both", List.of("select"), null));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json()).hasSize(2);
        long forProject = applied.json().get(0).path("id").asLong();
        long forUser = applied.json().get(1).path("id").asLong();
        assertThat(applied.json().get(0).path("granteeType").asText()).isEqualTo("project");
        assertThat(applied.json().get(1).path("grantee").asText()).isEqualTo(consumerName);

        assertThat(consumer.get("/api/v1/applications?state=in_progress").json().path("total").asInt()).isEqualTo(2);
        assertThat(consumer.get("/api/v1/applications?scope=all").status()).isEqualTo(403);

        ApiResponse approved = dataAdmin.post("/api/v1/applications/" + forProject + "/approve", Map.of("comment", "ok"));
        assertThat(approved.json().path("status").asText()).isEqualTo("approved");
        assertThat(dataAdmin.post("/api/v1/applications/" + forUser + "/reject", Map.of("comment", "the project grant is enough"))
                .json().path("status").asText()).isEqualTo("rejected");
        assertThat(consumer.get("/api/v1/applications?state=ended").json().path("total").asInt()).isEqualTo(2);

        var allowed = decide(consumerName, consumerProject, topic, "select", List.of());
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.rule()).isEqualTo("project_grant");
        assertThat(decide(consumerName, consumerProject, topic, "insert", List.of()).allowed()).isFalse();

        ApiResponse access = dataAdmin.get("/api/v1/tables/" + topic + "/access?environment=test");
        long grantId = access.json().path("grants").get(0).path("id").asLong();
        assertThat(access.json().path("grants").get(0).path("applicationId").asLong()).isEqualTo(forProject);
        assertThat(consumer.delete("/api/v1/access/grants/" + grantId).status()).as("not a steward").isEqualTo(403);
        long lastChange = jdbc.sql("select coalesce(max(id), 0) from change_events").query(Long.class).single();
        assertThat(ownerAdmin.delete("/api/v1/access/grants/" + grantId).status()).isEqualTo(204);
        ApiResponse changes = gateway.get("/api/v1/changes?after=" + lastChange);
        assertThat(changes.json()).hasSize(1);
        assertThat(changes.json().get(0).path("kind").asText()).isEqualTo("access");
        assertThat(changes.json().get(0).path("environment").asText()).isEqualTo("test");
        assertThat(changes.json().get(0).path("table").asText()).isEqualTo(topic);
        assertThat(decide(consumerName, consumerProject, topic, "select", List.of()).rule()).isEqualTo("no_grant");
        assertThat(lastAudit("application.approve", String.valueOf(forProject))).containsEntry("outcome", "SUCCESS");
        assertThat(lastAudit("access.revoke", String.valueOf(grantId))).containsEntry("outcome", "SUCCESS");
    }

    @Test
    void badApplicationsAndDecisionsAreRefusedAndChangeNothing() {
        String topic = publishedToTest(ownerAdmin, owner, dataAdmin, true);
        long applications = count("access_applications");

        ApiResponse update = consumer.post("/api/v1/tables/" + topic + "/applications", apply("user", List.of("update"), null));
        assertThat(update.status()).isEqualTo(400);
        assertThat(update.detail()).contains("is a Kafka topic: only select and insert apply to it, not update");

        ApiResponse columnsToProject = consumer.post("/api/v1/tables/" + topic + "/applications", apply("both", List.of("select"), List.of("id")));
        assertThat(columnsToProject.status()).isEqualTo(400);
        assertThat(columnsToProject.detail()).contains("column grants go to users only");

        ApiResponse unknownColumn = consumer.post("/api/v1/tables/" + topic + "/applications", apply("user", List.of("select"), List.of("nope")));
        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.field()).isEqualTo("columns");

        ApiResponse prod = consumer.post("/api/v1/tables/" + topic + "/applications",
                Map.of("environment", "prod", "privileges", List.of("select"), "applyFor", "user"));
        assertThat(prod.status()).isEqualTo(409);
        assertThat(prod.detail()).contains("not published to prod");
        assertThat(count("access_applications")).isEqualTo(applications);

        long id = consumer.post("/api/v1/tables/" + topic + "/applications", apply("user", List.of("select"), List.of("id", "name")))
                .json().get(0).path("id").asLong();
        ApiResponse again = consumer.post("/api/v1/tables/" + topic + "/applications", apply("user", List.of("select"), null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("already pending");

        ApiResponse othersWithdraw = ownerAdmin.post("/api/v1/applications/" + id + "/withdraw", null);
        assertThat(othersWithdraw.status()).isEqualTo(403);
        assertThat(othersWithdraw.detail()).contains("only " + consumerName);
        assertThat(ownerAdmin.post("/api/v1/applications/" + id + "/approve", Map.of()).status()).as("not a data admin").isEqualTo(403);

        assertThat(dataAdmin.post("/api/v1/applications/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        long grants = count("grants");
        ApiResponse twice = otherAdmin.post("/api/v1/applications/" + id + "/approve", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.detail()).contains("already approved");
        assertThat(consumer.post("/api/v1/applications/" + id + "/withdraw", null).status()).isEqualTo(409);
        assertThat(count("grants")).isEqualTo(grants);

        // The column grant lets the consumer read exactly id and name.
        assertThat(decide(consumerName, consumerProject, topic, "select", List.of("id", "name")).rule()).isEqualTo("column_grant");
        var star = decide(consumerName, consumerProject, topic, "select", List.of());
        assertThat(star.allowed()).isFalse();
        assertThat(star.reason()).contains("not [secret_score]");

        ApiResponse probing = consumer.post("/api/v1/access/decisions",
                List.of(Map.of("user", "admin", "environment", "test", "table", topic, "action", "select")));
        assertThat(probing.status()).isEqualTo(403);
        ApiResponse badAction = gateway.post("/api/v1/access/decisions",
                List.of(Map.of("user", consumerName, "environment", "test", "table", topic, "action", "drop")));
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(badAction.field()).isEqualTo("[0].action");
    }

    @Test
    void batchWhitelistPublicAndBlacklist() {
        String topic = publishedToTest(ownerAdmin, owner, dataAdmin, true);
        String table = publishedToTest(ownerAdmin, owner, dataAdmin, false);
        long grants = count("grants");

        ApiResponse kafkaDelete = dataAdmin.post("/api/v1/access/whitelist", Map.of(
                "environment", "test", "tables", List.of(table, topic), "projects", List.of(consumerProject), "privileges", List.of("delete")));
        assertThat(kafkaDelete.status()).isEqualTo(400);
        assertThat(count("grants")).as("all or nothing: the table's grant was not written either").isEqualTo(grants);

        ApiResponse granted = ownerAdmin.post("/api/v1/access/whitelist", Map.of(
                "environment", "test", "tables", List.of(table, topic), "projects", List.of(consumerProject), "privileges", List.of("insert")));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(decide(consumerName, consumerProject, topic, "insert", List.of()).rule()).isEqualTo("project_grant");
        assertThat(decide(consumerName, consumerProject, table, "update", List.of()).allowed()).isFalse();

        String stranger = unique("str");
        newUser(stranger);
        assertThat(decide(stranger, null, table, "select", List.of()).allowed()).isFalse();
        assertThat(ownerAdmin.put("/api/v1/access/public", Map.of("environment", "test", "tables", List.of(table), "public", true)).status())
                .isEqualTo(200);
        assertThat(decide(stranger, null, table, "select", List.of()).rule()).isEqualTo("public");

        ApiResponse listed = dataAdmin.put("/api/v1/access/blacklist", Map.of(
                "environment", "test", "tables", List.of(table, topic), "projects", List.of(consumerProject), "listed", true));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(decide(consumerName, consumerProject, table, "select", List.of()).rule()).isEqualTo("blacklist");
        assertThat(decide(consumerName, consumerProject, topic, "insert", List.of()).rule()).isEqualTo("blacklist");
        dataAdmin.put("/api/v1/access/blacklist", Map.of(
                "environment", "test", "tables", List.of(topic), "projects", List.of(consumerProject), "listed", false));
        assertThat(decide(consumerName, consumerProject, topic, "insert", List.of()).allowed()).isTrue();

        ApiResponse columnsToProject = dataAdmin.post("/api/v1/access/whitelist", Map.of(
                "environment", "test", "tables", List.of(table), "projects", List.of(consumerProject), "privileges", List.of("select"),
                "columns", List.of("id")));
        assertThat(columnsToProject.status()).isEqualTo(400);
        ApiResponse notSteward = consumer.put("/api/v1/access/public", Map.of("environment", "test", "tables", List.of(table), "public", false));
        assertThat(notSteward.status()).isEqualTo(403);
    }
}
