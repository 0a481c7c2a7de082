package io.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The embedded default (H2 in PostgreSQL mode) runs the same migrations and serves the same API, with
 * the demo tenant seeded as the local stack does.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:embedded;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=sa",
            "sluice.secrets.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "sluice.demo.enabled=true"
        })
class EmbeddedDatabaseTest {

    @LocalServerPort
    int port;

    @Test
    void servesTheDemoTenantOnH2() {
        Api alice = Api.anonymous(port).as("alice", "alice-password");
        ApiResponse principal = alice.get("/api/v1/principal");
        assertThat(principal.json().path("project").asText()).isEqualTo("demo");
        ApiResponse created = alice.post("/api/v1/tables", Map.of(
                "name", "h2_table", "ownerProject", "demo", "type", "table",
                "columns", java.util.List.of(Map.of("name", "id", "type", "INT"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Api.anonymous(port).as("bob", "bob-password").get("/api/v1/principal").json().path("project").asText()).isEqualTo("other");
    }
}
