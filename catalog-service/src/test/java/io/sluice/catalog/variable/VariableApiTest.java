package io.sluice.catalog.variable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A project's variables over HTTP: set per project and per environment, listed without secret values, resolved with
 * them for the gateway only, deleted; a secret's value in no user's response, no audit entry and no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class VariableApiTest extends ApiTest {

    private String project;
    private String developerName;
    private Api developer;
    private Api viewer;
    private Api outsider;
    private Api gateway;

    @BeforeEach
    void project() {
        project = unique("var");
        developerName = unique("dev");
        developer = newUser(developerName);
        newProject(project, developerName);
        String viewerName = unique("viewer");
        viewer = newUser(viewerName);
        admin().put("/api/v1/projects/" + project + "/members/" + viewerName, Map.of("role", "viewer"));
        outsider = newUser(unique("out"));
        gateway = newUser(unique("gw"), "gateway").withHeader("X-Sluice-On-Behalf-Of", developerName);
    }

    @Test
    void anEnvironmentsValueComesBeforeTheProjectsAndOnlyTheGatewayReadsSecrets(CapturedOutput output) {
        String secret = "s3cr3t-" + UUID.randomUUID();
        String prodSecret = "pr0d-" + UUID.randomUUID();
        Api.registerSecret(secret);
        Api.registerSecret(prodSecret);
        assertThat(put("min_amount", "decimal", "10.50", false, null).status()).isEqualTo(200);
        assertThat(put("min_amount", "decimal", "99", false, "prod").status()).isEqualTo(200);
        ApiResponse stored = put("api_key", "string", secret, true, null);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().path("secret").asBoolean()).isTrue();
        assertThat(stored.json().path("value").isMissingNode() || stored.json().path("value").isNull()).isTrue();
        assertThat(put("api_key", "string", prodSecret, true, "prod").status()).isEqualTo(200);

        ApiResponse listed = viewer.get("/api/v1/projects/" + project + "/variables");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json()).hasSize(4);
        assertThat(values(listed.json())).containsEntry("min_amount@project", "10.50").containsEntry("min_amount@prod", "99")
                .containsEntry("api_key@project", null).containsEntry("api_key@prod", null);

        ApiResponse test = gateway.expectingSecrets().get("/api/v1/projects/" + project + "/variables/resolved?environment=test");
        assertThat(test.status()).as(test.body()).isEqualTo(200);
        assertThat(values(test.json())).isEqualTo(Map.of("min_amount@project", "10.50", "api_key@project", secret));
        ApiResponse prod = gateway.expectingSecrets().get("/api/v1/projects/" + project + "/variables/resolved?environment=prod");
        assertThat(values(prod.json())).isEqualTo(Map.of("min_amount@prod", "99", "api_key@prod", prodSecret));
        ApiResponse projectOnly = gateway.expectingSecrets().get("/api/v1/projects/" + project + "/variables/resolved");
        assertThat(values(projectOnly.json())).isEqualTo(Map.of("min_amount@project", "10.50", "api_key@project", secret));
        assertThat(lastAudit("variable.read_resolved", project)).satisfies(entry -> {
            assertThat(entry.get("on_behalf_of")).isEqualTo(developerName);
            assertThat(entry.get("outcome")).isEqualTo("SUCCESS");
        });

        for (Api user : List.of(developer, viewer, admin())) {
            ApiResponse refused = user.get("/api/v1/projects/" + project + "/variables/resolved?environment=test");
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        }
        // a value refused for its kind is not repeated in the refusal
        ApiResponse wrongKind = put("api_key", "integer", secret, true, null);
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.field()).isEqualTo("value");

        List<Map<String, Object>> audit = auditOfProject();
        assertThat(audit).extracting(e -> e.get("action"))
                .contains("variable.put", "variable.read_resolved");
        assertThat(audit.toString()).doesNotContain(secret).doesNotContain(prodSecret);
        assertThat(jdbc.sql("select value_text from project_variables where name = 'api_key'").query(String.class).list())
                .as("sealed at rest").noneMatch(v -> v.contains(secret) || v.contains(prodSecret));
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(prodSecret);
    }

    @Test
    void aDeletedValueLeavesTheOthers() {
        put("region", "string", "eu", false, null);
        put("region", "string", "us", false, "prod");
        ApiResponse deleted = developer.delete("/api/v1/projects/" + project + "/variables/region?environment=prod");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(auditOfProject()).filteredOn(e -> e.get("action").equals("variable.delete"))
                .singleElement().satisfies(e -> assertThat(e.get("outcome")).isEqualTo("SUCCESS"));
        ApiResponse prod = gateway.get("/api/v1/projects/" + project + "/variables/resolved?environment=prod");
        assertThat(values(prod.json())).isEqualTo(Map.of("region@project", "eu"));
        ApiResponse again = developer.delete("/api/v1/projects/" + project + "/variables/region?environment=prod");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.detail()).contains("region", "prod");
        assertThat(developer.delete("/api/v1/projects/" + project + "/variables/region").status()).isEqualTo(204);
        assertThat(viewer.get("/api/v1/projects/" + project + "/variables").json()).isEmpty();
    }

    @Test
    void onlyDevelopersSetAndOnlyMembersSee() {
        assertThat(viewer.put("/api/v1/projects/" + project + "/variables/x1", Map.of("kind", "string", "value", "v")).status())
                .isEqualTo(403);
        assertThat(outsider.get("/api/v1/projects/" + project + "/variables").status()).isEqualTo(403);
        assertThat(outsider.put("/api/v1/projects/" + project + "/variables/x1", Map.of("kind", "string", "value", "v")).status())
                .isEqualTo(403);
        assertThat(developer.get("/api/v1/projects/no_such_project/variables").status()).isEqualTo(404);
    }

    @Test
    void namesKindsValuesAndEnvironmentsAreChecked() {
        assertRefused(put("Upper", "string", "v", false, null), "name");
        assertRefused(put("9lives", "string", "v", false, null), "name");
        assertRefused(put("current_date", "date", "2026-12-02", false, null), "name");
        assertRefused(put("fine_name", "money", "v", false, null), "kind");
        assertRefused(put("fine_name", "string", "v", false, "design"), "environment");
        assertRefused(put("fine_name", "string", "v", false, "staging"), "environment");
        assertRefused(put("fine_name", "string", "x".repeat(5000), false, null), "value");
        Map<String, List<String>> refused = Map.of(
                "integer", List.of("1.5", "12345678901234567890", "", "1 ; drop"),
                "decimal", List.of("abc", "1,5"),
                "boolean", List.of("yes", "1"),
                "date", List.of("2026-13-01", "tomorrow"),
                "timestamp", List.of("2026-12-02", "10:15"),
                "interval", List.of("soon", "5 fortnights"));
        refused.forEach((kind, values) -> values.forEach(value -> assertRefused(put("fine_name", kind, value, false, null), "value")));
        Map<String, String> accepted = Map.of(
                "integer", "-42", "decimal", "12.50", "boolean", "TRUE", "date", "2026-12-02",
                "timestamp", "2026-12-02 10:15:30.250", "interval", "5 min", "string", "it's fine");
        accepted.forEach((kind, value) -> assertThat(put("v_" + kind, kind, value, false, null).status()).as(kind).isEqualTo(200));
        assertThat(put("v_iso", "interval", "PT5M", false, null).status()).isEqualTo(200);
        assertThat(put("v_iso_ts", "timestamp", "2026-12-02T10:15:30", false, null).status()).isEqualTo(200);
    }

    /** The audit entries naming the project (a path's variables, in no set order). */
    private List<Map<String, Object>> auditOfProject() {
        return jdbc.sql("select * from audit_entries where object_name like ? order by id").param("%" + project + "%")
                .query().listOfRows();
    }

    private void assertRefused(ApiResponse response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.field()).isEqualTo(field);
    }

    private ApiResponse put(String name, String kind, String value, boolean secret, String environment) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "value", value, "secret", secret));
        if (environment != null) {
            body.put("environment", environment);
        }
        return developer.put("/api/v1/projects/" + project + "/variables/" + name, body);
    }

    /** name@environment (or @project) → value, as listed. */
    private static Map<String, String> values(JsonNode list) {
        Map<String, String> values = new HashMap<>();
        list.forEach(v -> values.put(v.path("name").asText() + "@" + (v.hasNonNull("environment") ? v.path("environment").asText() : "project"),
                v.hasNonNull("value") ? v.path("value").asText() : null));
        return values;
    }
}
