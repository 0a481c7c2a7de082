package io.sluice.catalog.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditApiTest extends ApiTest {

    @Test
    void adminsQueryWhoDidWhatToWhichObjectWithTheOutcome() {
        String project = unique("aud");
        assertThat(admin().post("/api/v1/projects", Map.of("name", project)).status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/projects", Map.of("name", project)).status()).isEqualTo(409);

        ApiResponse entries = admin().get("/api/v1/audit?action=project.create&objectName=" + project);
        assertThat(entries.status()).isEqualTo(200);
        assertThat(entries.json().path("total").asInt()).isEqualTo(2);
        var newest = entries.json().path("items").get(0);
        assertThat(newest.path("actor").asText()).isEqualTo(ADMIN);
        assertThat(newest.path("objectType").asText()).isEqualTo("project");
        assertThat(newest.path("outcome").asText()).isEqualTo("refused");
        assertThat(newest.path("detail").asText()).contains("already exists");
        assertThat(newest.path("at").asText()).isNotEmpty();
        assertThat(entries.json().path("items").get(1).path("outcome").asText()).isEqualTo("success");

        ApiResponse onlySuccess = admin().get("/api/v1/audit?action=project.create&objectName=" + project + "&outcome=success");
        assertThat(onlySuccess.json().path("total").asInt()).isEqualTo(1);
        ApiResponse badOutcome = admin().get("/api/v1/audit?outcome=maybe");
        assertThat(badOutcome.status()).isEqualTo(400);
        assertThat(badOutcome.field()).isEqualTo("outcome");
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        Api user = newUser(unique("nosy"));
        ApiResponse refused = user.get("/api/v1/audit");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).contains("only a data_admin or a system_admin");
        assertThat(newUser(unique("auditor"), "data_admin").get("/api/v1/audit").status()).isEqualTo(200);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        ApiResponse docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/tables/{table}/publish-requests")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/principal")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/datasources/{name}/connections/{environment}/test")).isTrue();
    }
}
