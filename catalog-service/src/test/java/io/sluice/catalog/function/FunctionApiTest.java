package io.sluice.catalog.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import io.sluice.udf.Checksums;
import io.sluice.udf.TestJars;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A project's functions over HTTP, with real jars built during the test and checked in the sandbox JVM: versions by
 * checksum, activation in test and (approved) in prod, rollback, deletion rules, what other projects see, and bad
 * artifacts refused with nothing stored.
 */
class FunctionApiTest extends ApiTest {

    private static final String UPPER = "com.example.Upper";

    private String project;
    private Api developer;
    private Api dataAdmin;
    private Api gateway;

    @BeforeEach
    void project() {
        project = unique("fn");
        String developerName = unique("dev");
        developer = newUser(developerName);
        newProject(project, developerName);
        dataAdmin = newUser(unique("dadmin"), "data_admin");
        gateway = newUser(unique("gw"), "gateway");
    }

    @Test
    void anUploadIsAVersionPerChecksumThatTestRunsAndProdRunsOnceApproved() {
        byte[] v1 = upperJar("s.toUpperCase()");
        ApiResponse first = upload(developer, project, v1, "upper", UPPER, "scalar");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get(0).path("version").asInt()).isEqualTo(1);
        assertThat(first.json().get(0).path("artifactSha256").asText()).isEqualTo(Checksums.sha256(v1));

        ApiResponse again = upload(developer, project, v1, "upper", UPPER, "scalar");
        assertThat(again.json().get(0).path("created").asBoolean()).as("an identical upload makes no new version").isFalse();
        assertThat(again.json().get(0).path("version").asInt()).isEqualTo(1);

        ApiResponse test = activate(developer, project, "upper", "test", 1);
        assertThat(test.status()).as(test.body()).isEqualTo(200);
        assertThat(test.json().path("function").path("active").path("test").asInt()).isEqualTo(1);
        assertThat(active(project, "test")).singleElement().satisfies(f -> {
            assertThat(f.path("name").asText()).isEqualTo("upper");
            assertThat(f.path("kind").asText()).isEqualTo("scalar");
            assertThat(f.path("version").asInt()).isEqualTo(1);
        });
        Map.Entry<Integer, byte[]> artifact = gateway.getBytes(
                "/api/v1/projects/" + project + "/functions/artifacts/" + Checksums.sha256(v1));
        assertThat(artifact.getKey()).isEqualTo(200);
        assertThat(Checksums.sha256(artifact.getValue())).isEqualTo(Checksums.sha256(v1));

        byte[] v2 = upperJar("s.toUpperCase().trim()");
        assertThat(upload(developer, project, v2, "upper", UPPER, "scalar").json().get(0).path("version").asInt()).isEqualTo(2);
        activate(developer, project, "upper", "test", 2);
        ApiResponse rollback = activate(developer, project, "upper", "test", 1);
        assertThat(rollback.json().path("function").path("active").path("test").asInt()).as("rolled back").isEqualTo(1);

        ApiResponse prod = activate(developer, project, "upper", "prod", 2);
        assertThat(prod.status()).as(prod.body()).isEqualTo(202);
        assertThat(prod.json().path("function").path("active").has("prod")).as("waits for a data admin").isFalse();
        long request = prod.json().path("request").path("id").asLong();
        assertThat(developer.post("/api/v1/function-activations/" + request + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(active(project, "prod")).isEmpty();
        ApiResponse approved = dataAdmin.post("/api/v1/function-activations/" + request + "/approve", Map.of("comment", "ok"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(active(project, "prod")).singleElement().satisfies(f -> assertThat(f.path("version").asInt()).isEqualTo(2));

        List<String> kinds = admin().get("/api/v1/changes?after=0&limit=1000").json().findValuesAsText("kind");
        assertThat(kinds).contains("function");
    }

    @Test
    void aVersionInUseIsNotDeletedAndTheRefusalSaysWhy() {
        upload(developer, project, upperJar("s.toUpperCase()"), "upper", UPPER, "scalar");
        upload(developer, project, upperJar("s.toLowerCase()"), "upper", UPPER, "scalar");
        activate(developer, project, "upper", "test", 1);
        ApiResponse active = developer.delete("/api/v1/projects/" + project + "/functions/upper/versions/1");
        assertThat(active.status()).isEqualTo(409);
        assertThat(active.detail()).contains("is active in test");

        String job = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
        assertThat(developer.put("/api/v1/projects/" + project + "/functions/upper/versions/2/jobs/" + job, null).status())
                .as("only the gateway reports jobs").isEqualTo(403);
        assertThat(gateway.put("/api/v1/projects/" + project + "/functions/upper/versions/2/jobs/" + job + "?jobName=enrich", null).status())
                .isEqualTo(204);
        ApiResponse running = developer.delete("/api/v1/projects/" + project + "/functions/upper/versions/2");
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.detail()).contains("running job enrich (" + job + ")");

        assertThat(developer.get("/api/v1/functions/jobs").status()).as("only the gateway lists them").isEqualTo(403);
        assertThat(jobsUsingFunctions()).contains(project + "/" + job);

        assertThat(developer.delete("/api/v1/projects/" + project + "/functions/jobs/" + job).status())
                .as("only the gateway clears them").isEqualTo(403);
        assertThat(gateway.delete("/api/v1/projects/" + project + "/functions/jobs/" + job).status()).isEqualTo(204);
        assertThat(jobsUsingFunctions()).doesNotContain(project + "/" + job);
        assertThat(developer.delete("/api/v1/projects/" + project + "/functions/upper/versions/2").status()).isEqualTo(204);
        assertThat(developer.get("/api/v1/projects/" + project + "/functions/upper").json().path("versions").findValuesAsText("version"))
                .containsExactly("1");
    }

    @Test
    void twoProjectsEachSeeTheirOwnFunctionOfTheSameNameAndNotTheOthers() {
        String other = unique("fn");
        String otherName = unique("dev");
        Api otherDeveloper = newUser(otherName);
        newProject(other, otherName);
        byte[] mine = upperJar("s.toUpperCase()");
        byte[] theirs = upperJar("\"theirs\"");
        upload(developer, project, mine, "upper", UPPER, "scalar");
        upload(otherDeveloper, other, theirs, "upper", UPPER, "scalar");

        assertThat(developer.get("/api/v1/projects/" + project + "/functions/upper").json().path("versions").get(0)
                .path("artifactSha256").asText()).isEqualTo(Checksums.sha256(mine));
        assertThat(developer.get("/api/v1/projects/" + other + "/functions").status()).isEqualTo(403);
        assertThat(developer.getBytes("/api/v1/projects/" + other + "/functions/artifacts/" + Checksums.sha256(theirs)).getKey())
                .isEqualTo(403);
        // through its own project, a member cannot reach another project's artifact either
        assertThat(developer.getBytes("/api/v1/projects/" + project + "/functions/artifacts/" + Checksums.sha256(theirs)).getKey())
                .isEqualTo(404);
        assertThat(upload(otherDeveloper, project, mine, "upper", UPPER, "scalar").status()).isEqualTo(403);
    }

    @Test
    void badArtifactsAreRefusedWithTheFunctionAndTheReasonAndNothingIsStored() {
        byte[] plain = TestJars.jar(Map.of("com.example.Plain", "package com.example; public class Plain { public String eval(String s) { return s; } }"));
        ApiResponse notAFunction = upload(developer, project, plain, "plain", "com.example.Plain", "scalar");
        assertThat(notAFunction.status()).isEqualTo(400);
        assertThat(notAFunction.field()).isEqualTo("functions");
        assertThat(notAFunction.detail()).contains("function plain", "does not extend", "nothing was stored");

        ApiResponse wrongKind = upload(developer, project, upperJar("s"), "upper", UPPER, "magic");
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.detail()).contains("none of scalar, table, aggregate, table_aggregate");

        ApiResponse notAJar = upload(developer, project, "not a jar".getBytes(StandardCharsets.UTF_8), "upper", UPPER, "scalar");
        assertThat(notAJar.status()).isEqualTo(400);
        assertThat(notAJar.detail()).contains("is not a jar (zip) file");

        ApiResponse broken = developer.post("/api/v1/projects/" + project + "/functions/sources", Map.of(
                "name", "broken", "className", "com.example.Broken", "kind", "scalar",
                "source", "package com.example;\npublic class Broken extends org.apache.flink.table.functions.ScalarFunction {\n"
                        + "  public String eval(String s) { return s.nope(); }\n}\n"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.detail()).contains("line 3, column");

        assertThat(developer.get("/api/v1/projects/" + project + "/functions").json()).as("nothing stored").isEmpty();
        assertThat(jdbc.sql("select count(*) from function_artifacts a join projects p on p.id = a.project_id where p.name = ?")
                .param(project).query(Long.class).single()).isZero();
    }

    @Test
    void aSourceFromTheTemplateCompilesIntoAVersion() {
        ApiResponse template = developer.get("/api/v1/functions/templates/aggregate?className=com.example.WeightedAvg");
        assertThat(template.status()).isEqualTo(200);
        ApiResponse compiled = developer.post("/api/v1/projects/" + project + "/functions/sources", Map.of(
                "name", "weighted_avg", "className", "com.example.WeightedAvg", "kind", "aggregate",
                "description", "average weighted by the second argument", "source", template.body()));
        assertThat(compiled.status()).as(compiled.body()).isEqualTo(201);
        JsonNode version = developer.get("/api/v1/projects/" + project + "/functions/weighted_avg").json().path("versions").get(0);
        assertThat(version.path("origin").asText()).isEqualTo("source");
        assertThat(version.path("kind").asText()).isEqualTo("aggregate");
    }

    private List<JsonNode> active(String project, String environment) {
        ApiResponse response = gateway.get("/api/v1/projects/" + project + "/functions/active?environment=" + environment);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().findParents("name");
    }

    private static ApiResponse activate(Api api, String project, String function, String environment, int version) {
        return api.put("/api/v1/projects/" + project + "/functions/" + function + "/environments/" + environment,
                Map.of("version", version, "comment", "please"));
    }

    private static ApiResponse upload(Api api, String project, byte[] jar, String name, String className, String kind) {
        String functions = "[{\"name\":\"" + name + "\",\"className\":\"" + className + "\",\"kind\":\"" + kind + "\"}]";
        return api.postParts("/api/v1/projects/" + project + "/functions/artifacts", new java.util.LinkedHashMap<>(Map.of(
                "jar", Map.entry("application/java-archive", jar),
                "functions", Map.entry("application/json", functions.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] upperJar(String expression) {
        return TestJars.jar(Map.of(UPPER, TestJars.scalar(UPPER,
                "public String eval(String s) { return s == null ? null : " + expression + "; }")));
    }

    private List<String> jobsUsingFunctions() {
        ApiResponse jobs = gateway.get("/api/v1/functions/jobs");
        assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        jobs.json().forEach(j -> listed.add(j.path("project").asText() + "/" + j.path("jobId").asText()));
        return listed;
    }
}
