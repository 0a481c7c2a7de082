package io.sluice.catalog.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a developer of another project may see of things that are not theirs, over HTTP, and what the entitled see. */
class ExposureApiTest extends ApiTest {

    private String ownerName;
    private Api owner;
    private String project;
    private String strangerName;
    private Api stranger;
    private Api dataAdmin;
    private Api gateway;

    @BeforeEach
    void setUp() {
        ownerName = unique("own");
        owner = newUser(ownerName);
        project = unique("shop");
        newProject(project, ownerName);
        strangerName = unique("dev");
        stranger = newUser(strangerName);
        String strangersProject = unique("other");
        newProject(strangersProject, null);
        admin().put("/api/v1/projects/" + strangersProject + "/members/" + strangerName, Map.of("role", "developer"));
        dataAdmin = newUser(unique("dana"), "data_admin");
        gateway = newUser(unique("gw"), "gateway");
    }

    @Test
    void membersAreSeenByMembersAndAdminsOnly() {
        String path = "/api/v1/projects/" + project + "/members";
        ApiResponse refused = stranger.get(path);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(ownerName);
        for (Api entitled : List.of(owner, dataAdmin, admin())) {
            ApiResponse members = entitled.get(path);
            assertThat(members.status()).as(members.body()).isEqualTo(200);
            assertThat(members.body()).contains(ownerName);
        }
        assertThat(stranger.get("/api/v1/projects/no_such_project_x/members").status()).isEqualTo(404);
    }

    @Test
    void anApplicationIsSeenByItsApplicantAndDataAdminsOnly() {
        String table = publishedToTest(owner, project, dataAdmin, false);
        String applicantName = unique("app");
        Api applicant = newUser(applicantName);
        admin().put("/api/v1/projects/" + project + "/members/" + applicantName, Map.of("role", "viewer"));
        ApiResponse applied = applicant.post("/api/v1/tables/" + table + "/applications",
                Map.of("environment", "test", "privileges", List.of("select"), "applyFor", "user", "reason", "quarterly-secret-plan"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String path = "/api/v1/applications/" + applied.json().get(0).path("id").asLong();

        ApiResponse refused = stranger.get(path);
        assertThat(refused.status()).as("as if it did not exist").isEqualTo(404);
        assertThat(refused.body()).doesNotContain("quarterly-secret-plan").doesNotContain(table).doesNotContain(applicantName);
        assertThat(refused.json().path("detail").asText())
                .as("the same answer as a missing one").isEqualTo(stranger.get("/api/v1/applications/999999999")
                        .json().path("detail").asText().replace("999999999", path.substring(path.lastIndexOf('/') + 1)));
        for (Api entitled : List.of(applicant, dataAdmin)) {
            ApiResponse seen = entitled.get(path);
            assertThat(seen.status()).as(seen.body()).isEqualTo(200);
            assertThat(seen.json().path("reason").asText()).isEqualTo("quarterly-secret-plan");
        }
    }

    @Test
    void dataSourcesShowConnectionsToAdminsOnly() {
        String name = unique("pg");
        ApiResponse created = dataAdmin.post("/api/v1/datasources", Map.of(
                "name", name, "kind", "postgresql", "managementMode", "registered", "environmentScope", "test",
                "description", "orders replica",
                "connections", Map.of("test", Map.of("properties",
                        Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres", "username", "postgres")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        for (ApiResponse seen : List.of(stranger.get("/api/v1/datasources/" + name), stranger.get("/api/v1/datasources?size=500"))) {
            assertThat(seen.status()).as(seen.body()).isEqualTo(200);
            assertThat(seen.body()).contains(name).contains("\"kind\":\"postgresql\"").contains("orders replica")
                    .contains("\"environmentScope\":\"test\"").contains("\"managementMode\":\"registered\"")
                    .doesNotContain("jdbc:").doesNotContain("127.0.0.1").doesNotContain("postgres\"")
                    .doesNotContain("connections").doesNotContain("createdBy");
        }
        ApiResponse test = stranger.post("/api/v1/datasources/" + name + "/connections/test/test", null);
        assertThat(test.status()).as(test.body()).isEqualTo(403);
        assertThat(test.body()).doesNotContain("127.0.0.1");
        ApiResponse unsaved = stranger.post("/api/v1/datasources/connectivity-test", Map.of(
                "kind", "postgresql", "connection", Map.of("properties", Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres", "username", "postgres"))));
        assertThat(unsaved.status()).as("no one but admins makes the service connect anywhere").isEqualTo(403);
        assertThat(stranger.get("/api/v1/environments/test/datasources/" + name + "/connection").status()).isEqualTo(403);

        for (Api entitled : List.of(dataAdmin, admin())) {
            ApiResponse seen = entitled.get("/api/v1/datasources/" + name);
            assertThat(seen.json().at("/connections/test/properties/url").asText()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        }
        assertThat(gateway.get("/api/v1/environments/test/datasources/" + name + "/connection").status()).isEqualTo(200);
    }

    @Test
    void theChangeFeedIsForTheGatewayAndAdmins() {
        ApiResponse refused = stranger.get("/api/v1/changes?after=0");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("\"kind\"");
        for (Api entitled : List.of(gateway, dataAdmin, admin())) {
            assertThat(entitled.get("/api/v1/changes?after=0&limit=1").status()).isEqualTo(200);
        }
        assertThat(stranger.get("/api/v1/users").status()).as("users stay the system admin's").isEqualTo(403);
    }

    @Test
    void aDesignNotPublishedAnywhereIsSeenByItsProjectAndAdminsOnly() {
        String source = unique("pg");
        ApiResponse registered = dataAdmin.post("/api/v1/datasources", Map.of(
                "name", source, "kind", "postgresql", "managementMode", "registered", "environmentScope", "test",
                "connections", Map.of("test", Map.of("properties",
                        Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres", "username", "postgres")))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String design = unique("plan");
        ApiResponse designed = owner.post("/api/v1/tables", Map.of(
                "name", design, "ownerProject", project, "type", "table", "description", "merger-target-list",
                "columns", List.of(Map.of("name", "id", "type", "BIGINT"), Map.of("name", "acquisition_price", "type", "DOUBLE"))));
        assertThat(designed.status()).as(designed.body()).isEqualTo(201);
        ApiResponse asked = owner.post("/api/v1/tables/" + design + "/publish-requests", Map.of("environment", "test", "dataSource", source));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long requestId = asked.json().path("id").asLong();
        String missing = unique("none");

        // every endpoint that names the design answers the stranger as for a table that does not exist
        Map<String, ApiResponse> refusals = new java.util.LinkedHashMap<>();
        refusals.put("GET /tables/{t}", stranger.get("/api/v1/tables/" + design));
        refusals.put("GET /tables/{t}?environment=test", stranger.get("/api/v1/tables/" + design + "?environment=test"));
        refusals.put("GET /tables/{t}/versions", stranger.get("/api/v1/tables/" + design + "/versions"));
        refusals.put("GET /tables/{t}/access", stranger.get("/api/v1/tables/" + design + "/access?environment=test"));
        refusals.put("PUT /tables/{t}/schema", stranger.put("/api/v1/tables/" + design + "/schema",
                Map.of("columns", List.of(Map.of("name", "id", "type", "BIGINT")))));
        refusals.put("PATCH /tables/{t}", stranger.patch("/api/v1/tables/" + design, Map.of("description", "x")));
        refusals.put("POST /tables/{t}/publish-requests", stranger.post("/api/v1/tables/" + design + "/publish-requests",
                Map.of("environment", "test", "dataSource", source)));
        refusals.put("POST /tables/{t}/applications", stranger.post("/api/v1/tables/" + design + "/applications",
                Map.of("environment", "test", "privileges", List.of("select"), "applyFor", "user", "reason", "r")));
        refusals.put("PUT /access/public", stranger.put("/api/v1/access/public",
                Map.of("environment", "test", "tables", List.of(design), "public", true)));
        for (var refusal : refusals.entrySet()) {
            assertThat(refusal.getValue().status()).as(refusal.getKey() + " " + refusal.getValue().body()).isEqualTo(404);
            assertThat(refusal.getValue().json().path("detail").asText()).as(refusal.getKey())
                    .isEqualTo("table '" + design + "' does not exist");
            assertThat(refusal.getValue().body()).as(refusal.getKey()).doesNotContain(project).doesNotContain("merger-target-list");
        }
        assertThat(stranger.get("/api/v1/tables/" + missing).json().path("detail").asText())
                .isEqualTo("table '" + missing + "' does not exist");
        for (String path : List.of("/api/v1/publish-requests/" + requestId, "/api/v1/publish-requests/" + requestId + "/withdraw")) {
            ApiResponse hidden = path.endsWith("withdraw") ? stranger.post(path, null) : stranger.get(path);
            assertThat(hidden.status()).as(path + " " + hidden.body()).isEqualTo(404);
            assertThat(hidden.json().path("detail").asText()).isEqualTo("publish request '" + requestId + "' does not exist");
        }
        assertThat(count("publish_requests where table_id = (select id from catalog_tables where name = '" + design + "') and status = 'PENDING'"))
                .as("the stranger's withdrawal changed nothing").isEqualTo(1);
        ApiResponse decision = stranger.post("/api/v1/access/decisions", List.of(Map.of(
                "user", strangerName, "environment", "test", "table", design, "action", "select")));
        assertThat(decision.status()).as(decision.body()).isEqualTo(200);
        assertThat(decision.json().get(0).path("reason").asText()).isEqualTo("there is no table '" + design + "'");
        for (ApiResponse list : List.of(
                stranger.get("/api/v1/tables?size=500"),
                stranger.get("/api/v1/tables?environment=design&project=" + project),
                stranger.get("/api/v1/publish-requests?size=500"),
                stranger.get("/api/v1/publish-requests?table=" + design))) {
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.body()).doesNotContain(design);
        }
        assertThat(stranger.get("/api/v1/tables?environment=design&project=" + project).json().path("total").asLong())
                .as("the total counts only what the caller sees").isZero();

        // its project's members (any role), data admins, system admins and the gateway see it
        String viewerName = unique("viewer");
        Api viewer = newUser(viewerName);
        admin().put("/api/v1/projects/" + project + "/members/" + viewerName, Map.of("role", "viewer"));
        for (Api entitled : List.of(owner, viewer, dataAdmin, admin(), gateway)) {
            assertThat(entitled.get("/api/v1/tables/" + design).json().path("description").asText()).isEqualTo("merger-target-list");
            assertThat(entitled.get("/api/v1/tables/" + design + "/versions").body()).isEqualTo("[1]");
            assertThat(entitled.get("/api/v1/tables?environment=design&project=" + project).body()).contains(design);
            assertThat(entitled.get("/api/v1/publish-requests/" + requestId).status()).isEqualTo(200);
            assertThat(entitled.get("/api/v1/publish-requests?table=" + design).json().path("total").asLong()).isEqualTo(1);
        }

        // once published, it is in the test catalog, the same for everyone
        ApiResponse approved = dataAdmin.post("/api/v1/publish-requests/" + requestId + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/tables/" + design).status()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/tables/" + design + "?environment=test").status()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/tables?environment=design&project=" + project).body()).contains(design);
        assertThat(stranger.get("/api/v1/environments/test/catalog").body()).contains(design);
    }

    @Test
    void aSecretReadNamesTheEndUserOnlyWhenTheGatewayNamesThem() {
        String name = unique("pg");
        ApiResponse created = dataAdmin.post("/api/v1/datasources", Map.of(
                "name", name, "kind", "postgresql", "managementMode", "registered", "environmentScope", "test",
                "connections", Map.of("test", Map.of("properties",
                        Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres", "username", "postgres")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/environments/test/datasources/" + name + "/connection";
        String header = "X-Sluice-On-Behalf-Of";

        assertThat(gateway.withHeader(header, ownerName).get(path).status()).isEqualTo(200);
        Map<String, Object> read = lastAudit("datasource.connection.read", "test/" + name);
        assertThat(read).containsEntry("outcome", "SUCCESS").containsEntry("on_behalf_of", ownerName);
        assertThat(read.get("actor")).isNotEqualTo(ownerName);
        ApiResponse byUser = admin().get("/api/v1/audit?action=datasource.connection.read&onBehalfOf=" + ownerName);
        assertThat(byUser.json().path("items").get(0).path("onBehalfOf").asText()).isEqualTo(ownerName);

        assertThat(gateway.get(path).status()).as("a read for no statement names nobody").isEqualTo(200);
        assertThat(lastAudit("datasource.connection.read", "test/" + name).get("on_behalf_of")).isNull();

        ApiResponse forged = gateway.withHeader(header, "eve;admin").get(path);
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        assertThat(forged.json().path("field").asText()).isEqualTo(header);
        assertThat(lastAudit("datasource.connection.read", "test/" + name))
                .containsEntry("outcome", "REFUSED").containsEntry("on_behalf_of", null);

        // from anyone but the gateway the header is ignored: it could only put someone else's name into the log
        assertThat(stranger.withHeader(header, ownerName).get(path).status()).isEqualTo(403);
        assertThat(lastAudit("datasource.connection.read", "test/" + name))
                .containsEntry("outcome", "REFUSED").containsEntry("on_behalf_of", null);
        ApiResponse changed = dataAdmin.withHeader(header, ownerName)
                .patch("/api/v1/datasources/" + name, Map.of("description", "replica"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(lastAudit("datasource.describe", name)).containsEntry("on_behalf_of", null);
    }
}
