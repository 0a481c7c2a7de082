package io.sluice.catalog.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The environment catalog is served from a rendering kept per head of the change feed ({@link RenderedCatalogs}):
 * every answer is what reading and rendering the catalog afresh would give, right after each change.
 */
class EnvironmentCatalogApiTest extends ApiTest {

    private static final String CATALOG = "/api/v1/environments/test/catalog";

    @Autowired
    private TableService tables;

    @Autowired
    private ObjectMapper json;

    private String project;
    private Api designer;
    private Api approver;

    @BeforeEach
    void project() {
        String user = unique("des");
        designer = newUser(user);
        project = unique("proj");
        newProject(project, user);
        approver = newUser(unique("dana"), "data_admin");
    }

    @Test
    void publishesAndEditsShowAtOnceAsAFreshReadWouldRenderThem() throws Exception {
        String first = publishedToTest(designer, project, approver, false);
        ApiResponse read = catalog();
        assertThat(tableNames(read)).contains(first);
        assertThat(read.body()).isEqualTo(fresh());
        assertThat(catalog().body()).as("nothing changed: the same answer").isEqualTo(read.body());

        String second = publishedToTest(designer, project, approver, false);
        ApiResponse afterPublish = catalog();
        assertThat(tableNames(afterPublish)).contains(first, second);
        assertThat(afterPublish.body()).isEqualTo(fresh());

        ApiResponse edited = designer.patch("/api/v1/tables/" + first, Map.of("description", "edited after the catalog was read"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        ApiResponse afterEdit = catalog();
        assertThat(table(afterEdit, first).path("description").asText()).isEqualTo("edited after the catalog was read");
        assertThat(afterEdit.body()).isEqualTo(fresh());
    }

    @Test
    void aKeptCatalogIsHandedOnlyToCallersWhoMayReadIt() {
        publishedToTest(designer, project, approver, false);
        assertThat(catalog().status()).isEqualTo(200);

        assertThat(anonymous().get(CATALOG).status()).isEqualTo(401);
        ApiResponse design = designer.get("/api/v1/environments/design/catalog");
        assertThat(design.status()).isEqualTo(400);
        assertThat(design.detail()).contains("design has no catalog");
    }

    private ApiResponse catalog() {
        ApiResponse catalog = designer.get(CATALOG);
        assertThat(catalog.status()).as(catalog.body()).isEqualTo(200);
        assertThat(catalog.contentType()).startsWith("application/json");
        return catalog;
    }

    /** The test catalog read and rendered now, past any kept rendering. */
    private String fresh() throws Exception {
        return new String(json.writeValueAsBytes(TableService.catalogOf(
                Environment.TEST.spelling(), tables.catalogEntries(Environment.TEST, null))), StandardCharsets.UTF_8);
    }

    private static List<String> tableNames(ApiResponse catalog) {
        List<String> names = new ArrayList<>();
        catalog.json().path("databases").forEach(d -> d.path("tables").forEach(t -> names.add(t.path("name").asText())));
        return names;
    }

    private static JsonNode table(ApiResponse catalog, String name) {
        for (JsonNode database : catalog.json().path("databases")) {
            for (JsonNode table : database.path("tables")) {
                if (table.path("name").asText().equals(name)) {
                    return table;
                }
            }
        }
        throw new AssertionError(name + " is not in the test catalog: " + catalog.body());
    }
}
