package io.sluice.catalog.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaApiTest extends ApiTest {

    @Test
    void aNewProjectHasTheDefaultsAndASystemAdminChangesThemForMembersAndTheGatewayToSee() {
        String project = unique("quota");
        String member = unique("qm");
        Api alice = newUser(member);
        newProject(project, member);
        Api gateway = newUser(unique("gw"), "gateway");

        ApiResponse initial = alice.get("/api/v1/projects/" + project + "/quota");
        assertThat(initial.status()).as(initial.body()).isEqualTo(200);
        assertThat(quota(initial.json())).isEqualTo(Map.of("maxParallelism", 4, "maxTaskSlots", 8, "maxSessionsPerUser", 20));
        long before = lastChangeId();

        ApiResponse changed = admin().put(
                "/api/v1/projects/" + project + "/quota", Map.of("maxParallelism", 2, "maxTaskSlots", 3, "maxSessionsPerUser", 5));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(quota(changed.json())).isEqualTo(Map.of("maxParallelism", 2, "maxTaskSlots", 3, "maxSessionsPerUser", 5));
        assertThat(quota(gateway.get("/api/v1/projects/" + project + "/quota").json())).isEqualTo(quota(changed.json()));
        assertThat(lastAudit("project.quota.put", project)).containsEntry("outcome", "SUCCESS");

        JsonNode event = admin().get("/api/v1/changes?after=" + before).json();
        assertThat(event).hasSize(1);
        assertThat(event.get(0).path("kind").asText()).isEqualTo("quota");
        assertThat(event.get(0).path("project").asText()).isEqualTo(project);
        assertThat(event.get(0).has("environment")).as("a quota belongs to no environment").isFalse();

        Map<String, Object> backToDefault = new HashMap<>();
        backToDefault.put("maxParallelism", null);
        ApiResponse reset = admin().put("/api/v1/projects/" + project + "/quota", backToDefault);
        assertThat(quota(reset.json()))
                .as("fields left out or null take the default")
                .isEqualTo(Map.of("maxParallelism", 4, "maxTaskSlots", 8, "maxSessionsPerUser", 20));
    }

    @Test
    void onlyASystemAdminChangesAQuotaAndOnlyMembersReadIt() {
        String project = unique("quota");
        String owner = unique("qo");
        Api projectAdmin = newUser(owner);
        newProject(project, owner);
        Api stranger = newUser(unique("qs"));

        ApiResponse byProjectAdmin = projectAdmin.put("/api/v1/projects/" + project + "/quota", Map.of("maxTaskSlots", 100));
        assertThat(byProjectAdmin.status()).isEqualTo(403);
        assertThat(byProjectAdmin.detail()).contains("only a system_admin may change a project's quota");
        assertThat(lastAudit("project.quota.put", project)).containsEntry("outcome", "REFUSED");
        assertThat(quota(projectAdmin.get("/api/v1/projects/" + project + "/quota").json())).containsEntry("maxTaskSlots", 8);

        ApiResponse read = stranger.get("/api/v1/projects/" + project + "/quota");
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.detail()).contains("only members of project '" + project + "'");
        assertThat(admin().get("/api/v1/projects/no_such_project/quota").status()).isEqualTo(404);
    }

    @Test
    void badValuesAndUnknownFieldsAreRefusedNamingTheFieldAndChangeNothing() {
        String project = unique("quota");
        newProject(project, null);
        String path = "/api/v1/projects/" + project + "/quota";
        long before = lastChangeId();

        Map<String, Object> cases = Map.of(
                "maxParallelism", 0,
                "maxTaskSlots", -3,
                "maxSessionsPerUser", "5",
                "maxTaskSlot", 2,
                "priority", "high");
        cases.forEach((field, value) -> {
            ApiResponse refused = admin().put(path, Map.of(field, value));
            assertThat(refused.status()).as(field + " = " + value + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.detail()).contains(field);
        });
        ApiResponse tooBig = admin().put(path, Map.of("maxTaskSlots", 10_000_000_000L));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.detail()).contains("from 1 to 100000");
        ApiResponse fraction = admin().put(path, Map.of("maxParallelism", 1.5));
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.detail()).contains("whole number");
        ApiResponse notAnObject = admin().put(path, java.util.List.of(1));
        assertThat(notAnObject.status()).isEqualTo(400);

        assertThat(quota(admin().get(path).json())).isEqualTo(Map.of("maxParallelism", 4, "maxTaskSlots", 8, "maxSessionsPerUser", 20));
        assertThat(lastChangeId()).as("no change event for a refusal").isEqualTo(before);
        assertThat(lastAudit("project.quota.put", project)).containsEntry("outcome", "REFUSED");
    }

    private long lastChangeId() {
        return jdbc.sql("select coalesce(max(id), 0) from change_events").query(Long.class).single();
    }

    private static Map<String, Integer> quota(JsonNode json) {
        return Map.of(
                "maxParallelism", json.path("maxParallelism").asInt(),
                "maxTaskSlots", json.path("maxTaskSlots").asInt(),
                "maxSessionsPerUser", json.path("maxSessionsPerUser").asInt());
    }
}
