package io.sluice.catalog.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /tables narrowed by text (name, display name, description) and data source, as the data directory asks. */
class TableSearchApiTest extends ApiTest {

    private static List<String> names(ApiResponse list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        list.json().path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    @Test
    void textFindsNameAndDescriptionIgnoringCaseAndIsNoPattern() {
        String owner = unique("sown");
        String project = unique("sproj");
        Api designer = newUser(owner);
        Api dataAdmin = newUser(unique("sdana"), "data_admin");
        newProject(project, owner);
        String described = publishedToTest(designer, project, dataAdmin, true);
        String other = publishedToTest(designer, project, dataAdmin, false);
        String word = unique("Heron");
        assertThat(designer.patch("/api/v1/tables/" + described, Map.of("description", "Sightings of the " + word + " 100% kept")).status())
                .isEqualTo(200);

        assertThat(names(designer.get("/api/v1/tables?environment=test&q=" + word.toLowerCase()))).containsExactly(described);
        assertThat(names(designer.get("/api/v1/tables?environment=test&q=" + other.toUpperCase()))).containsExactly(other);
        assertThat(names(designer.get("/api/v1/tables?environment=test&project=" + project + "&q=100%25"))).containsExactly(described);
        assertThat(names(designer.get("/api/v1/tables?environment=test&project=" + project + "&q=_%25_")))
                .as("% and _ are letters here, not wildcards").isEmpty();
        assertThat(designer.get("/api/v1/tables?environment=test&q=" + word).json().path("total").asLong()).isEqualTo(1);

        String source = dataAdmin.get("/api/v1/tables/" + described + "?environment=test").json().path("dataSource").asText();
        assertThat(names(designer.get("/api/v1/tables?environment=test&project=" + project + "&dataSource=" + source))).containsExactly(described);
        assertThat(names(designer.get("/api/v1/tables?environment=prod&dataSource=" + source))).as("not published to prod").isEmpty();
        assertThat(names(designer.get("/api/v1/tables?environment=design&project=" + project + "&dataSource=" + source))).containsExactly(described);
    }

    @Test
    void tooLongATextIsRefusedNamingQ() {
        ApiResponse refused = admin().get("/api/v1/tables?environment=test&q=" + "x".repeat(TableSearch.MAX_TEXT + 1));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("q");
        assertThat(refused.detail()).contains("at most " + TableSearch.MAX_TEXT);
    }
}
