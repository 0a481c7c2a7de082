package io.sluice.catalog.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import java.util.ArrayList;
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
 * Templates over HTTP: immutable numbered versions, the newest unless one is named, presets listed and not to be
 * shadowed, who may see and save them, refusals that name the parameter, and renders bound against the tables the
 * caller sees in an environment with secret variables masked.
 */
@ExtendWith(OutputCaptureExtension.class)
class TemplateApiTest extends ApiTest {

    private static final String PRESETS = "topic_to_jdbc_upsert windowed_aggregation deduplicate top_n lookup_enrich";

    private String project;
    private Api developer;
    private Api viewer;
    private Api outsider;
    private Api gateway;

    @BeforeEach
    void project() {
        project = unique("tpl");
        String developerName = unique("dev");
        developer = newUser(developerName);
        newProject(project, developerName);
        String viewerName = unique("viewer");
        viewer = newUser(viewerName);
        admin().put("/api/v1/projects/" + project + "/members/" + viewerName, Map.of("role", "viewer"));
        outsider = newUser(unique("out"));
        gateway = newUser(unique("gw"), "gateway");
    }

    @Test
    void versionsAreImmutableAndNumberedAndTheNewestIsUsedUnlessOneIsNamed() {
        String name = unique("copy");
        ApiResponse first = save(name, "INSERT INTO ${sink} SELECT * FROM ${source}", tables("source", "sink"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        assertThat(first.json().path("project").asText()).isEqualTo(project);
        ApiResponse second = save(name, "INSERT INTO ${sink} SELECT * FROM ${source} WHERE 1 = 1", tables("source", "sink"));
        assertThat(second.json().path("version").asInt()).isEqualTo(2);

        ApiResponse newest = gateway.get(path(name));
        assertThat(newest.status()).as(newest.body()).isEqualTo(200);
        assertThat(newest.json().path("version").asInt()).isEqualTo(2);
        assertThat(newest.json().path("sql").asText()).endsWith("WHERE 1 = 1");
        ApiResponse named = viewer.get(path(name) + "?version=1");
        assertThat(named.json().path("sql").asText()).isEqualTo("INSERT INTO ${sink} SELECT * FROM ${source}");
        assertThat(named.json().path("parameters").get(0).path("kind").asText()).isEqualTo("table");
        ApiResponse versions = viewer.get(path(name) + "/versions");
        assertThat(versions.json()).extracting(v -> v.path("version").asInt()).containsExactly(2, 1);

        ApiResponse noVersion = gateway.get(path(name) + "?version=9");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.detail()).isEqualTo("template " + name + " has no version 9; its versions are 1 to 2");
        ApiResponse noTemplate = gateway.get(path("no_such_template"));
        assertThat(noTemplate.status()).isEqualTo(404);
        assertThat(noTemplate.detail()).isEqualTo(
                "template 'no_such_template' does not exist in project " + project + " or among the platform's presets");
        assertThat(count("template_versions where name = '" + name + "'")).isEqualTo(2);
    }

    @Test
    void presetsAreListedShownAndCannotBeShadowed() {
        ApiResponse listed = viewer.get("/api/v1/projects/" + project + "/templates");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<JsonNode> presets = new ArrayList<>();
        listed.json().forEach(t -> {
            if (t.path("project").isMissingNode() || t.path("project").isNull()) {
                presets.add(t);
            }
        });
        assertThat(presets).extracting(t -> t.path("name").asText()).containsAll(List.of(PRESETS.split(" ")));
        presets.forEach(preset -> preset.path("parameters").forEach(parameter ->
                assertThat(parameter.path("description").asText()).as("%s.%s", preset.path("name"), parameter.path("name")).isNotBlank()));

        ApiResponse shown = gateway.get(path("topic_to_jdbc_upsert"));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("sql").asText()).contains("'sink.buffer-flush.max-rows' = '${batch_size}'");
        assertThat(shown.json().path("createdBy").asText()).isEqualTo("platform");

        ApiResponse shadow = save("top_n", "INSERT INTO ${sink} SELECT * FROM ${source}", tables("source", "sink"));
        assertThat(shadow.status()).as(shadow.body()).isEqualTo(409);
        assertThat(shadow.field()).isEqualTo("name");
        assertThat(shadow.detail()).contains("top_n", "preset");
    }

    @Test
    void membersSeeTemplatesAndDevelopersSaveThem() {
        String name = unique("mine");
        assertThat(save(name, "INSERT INTO ${sink} SELECT * FROM ${source}", tables("source", "sink")).status()).isEqualTo(201);
        Map<String, Object> body = Map.of("name", unique("other"), "sql", "SELECT 1", "parameters", List.of());
        assertThat(viewer.post("/api/v1/projects/" + project + "/templates", body).status()).isEqualTo(403);
        assertThat(outsider.post("/api/v1/projects/" + project + "/templates", body).status()).isEqualTo(403);
        assertThat(outsider.get("/api/v1/projects/" + project + "/templates").status()).isEqualTo(403);
        assertThat(outsider.get(path(name)).status()).isEqualTo(403);
        assertThat(outsider.get(path(name) + "/versions").status()).isEqualTo(403);
        assertThat(outsider.post(path(name) + "/render", Map.of()).status()).isEqualTo(403);
        assertThat(admin().get(path(name)).status()).as("a system admin reads").isEqualTo(200);
    }

    @Test
    void anInvalidTemplateIsRefusedNamingWhatWasWrong() {
        ApiResponse undeclared = save(unique("bad"), "INSERT INTO ${sink} SELECT * FROM ${source} WHERE id = ${missing_one}",
                tables("source", "sink"));
        assertThat(undeclared.status()).as(undeclared.body()).isEqualTo(400);
        assertThat(undeclared.json().path("parameter").asText()).isEqualTo("missing_one");
        ApiResponse badDefault = save(unique("bad"), "SELECT * FROM ${source} LIMIT ${n}",
                List.of(table("source"), Map.of("name", "n", "kind", "integer", "defaultValue", "many", "description", "rows")));
        assertThat(badDefault.status()).as(badDefault.body()).isEqualTo(400);
        assertThat(badDefault.json().path("parameter").asText()).isEqualTo("n");

        assertThat(save("Bad_Name", "SELECT 1", List.of()).field()).isEqualTo("name");
        assertThat(save(unique("bad"), "SELECT ${x1}", List.of(Map.of("name", "x1", "kind", "money"))).field())
                .isEqualTo("parameters[0].kind");
        assertThat(save(unique("bad"), "SELECT '" + "x".repeat(TemplateRules.MAX_SQL_BYTES) + "'", List.of()).field()).isEqualTo("sql");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= TemplateRules.MAX_PARAMETERS; i++) {
            many.add(Map.of("name", "p" + i, "kind", "integer"));
        }
        assertThat(save(unique("bad"), "SELECT 1", many).field()).isEqualTo("parameters");
        assertThat(developer.post("/api/v1/projects/" + project + "/templates", Map.of("name", unique("bad"), "sql", "SELECT 1",
                "description", "d".repeat(TemplateRules.MAX_DESCRIPTION + 1))).field()).isEqualTo("description");
        assertThat(count("template_versions where project_id = (select id from projects where name = '" + project + "')"))
                .as("nothing refused was stored").isZero();
    }

    @Test
    void aRenderBindsVisibleTablesAndMasksSecrets(CapturedOutput output) {
        Api dataAdmin = newUser(unique("dadmin"), "data_admin");
        String source = publishedToTest(developer, project, dataAdmin, true);
        String sink = publishedToTest(developer, project, dataAdmin, false);
        String sinkSource = developer.get("/api/v1/tables/" + sink + "?environment=test").json().path("dataSource").asText();
        String secret = "hidden-" + UUID.randomUUID();
        Api.registerSecret(secret);
        ApiResponse variable = developer.put("/api/v1/projects/" + project + "/variables/hidden_name",
                Map.of("kind", "string", "value", secret, "secret", true));
        assertThat(variable.status()).as(variable.body()).isEqualTo(200);
        String name = unique("filtered");
        ApiResponse saved = save(name, "INSERT INTO ${sink} SELECT * FROM ${source} WHERE name <> ${hidden_name} AND id > ${min_id}",
                List.of(table("source"), table("sink"),
                        Map.of("name", "min_id", "kind", "integer", "defaultValue", "0", "description", "the first id copied")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        ApiResponse rendered = render(name, Map.of("source", source, "sink", "test." + sinkSource + "." + sink, "min_id", 7));
        assertThat(rendered.status()).as(rendered.body()).isEqualTo(200);
        assertThat(rendered.json().path("template").asText()).isEqualTo(name);
        assertThat(rendered.json().path("version").asInt()).isEqualTo(1);
        assertThat(rendered.json().path("environment").asText()).isEqualTo("test");
        assertThat(rendered.json().path("sql").asText()).startsWith("INSERT INTO ").contains(source, sink, sinkSource, "7")
                .doesNotContain("${");

        ApiResponse missing = render(name, Map.of("source", source));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.json().path("parameter").asText()).isEqualTo("sink");

        ApiResponse unknown = render(name, Map.of("source", source, "sink", "no_such_table"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().path("parameter").asText()).isEqualTo("sink");
        assertThat(unknown.detail()).contains("no_such_table");

        // another project's design: it exists, but this user may not see it
        String otherName = unique("odev");
        Api other = newUser(otherName);
        String otherProject = unique("oproj");
        newProject(otherProject, otherName);
        String invisible = unique("design");
        assertThat(other.post("/api/v1/tables", Map.of("name", invisible, "ownerProject", otherProject, "type", "table",
                "columns", List.of(Map.of("name", "id", "type", "BIGINT")))).status()).isEqualTo(201);
        ApiResponse unseen = render(name, Map.of("source", source, "sink", invisible));
        assertThat(unseen.status()).as(unseen.body()).isEqualTo(400);
        assertThat(unseen.json().path("parameter").asText()).isEqualTo("sink");
        assertThat(unseen.detail().replace(invisible, "T")).as("the same answer as for a missing table")
                .isEqualTo(unknown.detail().replace("no_such_table", "T"));

        ApiResponse prod = render(name, Map.of("environment", "prod", "values", Map.of("source", source, "sink", sink)), true);
        assertThat(prod.status()).as("published to test only").isEqualTo(400);
        assertThat(prod.json().path("parameter").asText()).isEqualTo("source");

        assertThat(jdbc.sql("select * from audit_entries").query().listOfRows().toString()).doesNotContain(secret);
        assertThat(output.getAll()).doesNotContain(secret);
    }

    private ApiResponse render(String name, Map<String, Object> values) {
        return render(name, Map.of("values", values), true);
    }

    private ApiResponse render(String name, Map<String, Object> body, boolean asViewer) {
        return (asViewer ? viewer : developer).post(path(name) + "/render", body);
    }

    private ApiResponse save(String name, String sql, List<Map<String, Object>> parameters) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "sql", sql, "parameters", parameters));
        body.put("description", "a test's template");
        return developer.post("/api/v1/projects/" + project + "/templates", body);
    }

    private String path(String name) {
        return "/api/v1/projects/" + project + "/templates/" + name;
    }

    private static List<Map<String, Object>> tables(String... names) {
        return java.util.Arrays.stream(names).map(TemplateApiTest::table).toList();
    }

    private static Map<String, Object> table(String name) {
        return Map.of("name", name, "kind", "table", "description", "the " + name + " table");
    }
}
