package io.sluice.catalog.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import io.sluice.contract.connection.ConnectionKind;
import io.sluice.contract.connection.HostileConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connection configs that turn a driver or client into code, files or foreign sockets (the corpus kept as data in
 * catalog-contract, and configs that would create or read a real file): each refused, naming the field, at
 * registration, at change and at the connectivity test, with nothing written, nothing run and the refusal audited
 * with the caller; and connectivity tests only for data and system admins.
 */
class HostileConnectionApiTest extends ApiTest {

    @TempDir
    Path dir;

    /** One data admin for the class, calling with a token: a password check per request would dominate the corpus. */
    private static String dataAdminName;
    private static Api dataAdmin;
    /** Per kind, a source with an ordinary connection that hostile changes must leave as it is. */
    private static final Map<String, String> EXISTING = new HashMap<>();

    @BeforeEach
    void dataAdmin() {
        if (dataAdmin == null) {
            dataAdminName = unique("dadmin");
            ApiResponse token = newUser(dataAdminName, "data_admin").post("/api/v1/tokens", Map.of("name", "corpus"));
            assertThat(token.status()).as(token.body()).isEqualTo(201);
            dataAdmin = anonymous().withToken(token.json().path("token").asText());
        }
    }

    /** An H2 URL whose INIT compiles a Java alias that creates {@code marker} when the connection opens. */
    private static String h2CreatingFile(Path marker) {
        return "jdbc:h2:mem:m" + UUID.randomUUID().toString().replace("-", "") + ";INIT=CREATE ALIAS IF NOT EXISTS MARK AS '"
                + "void mark(String p) throws Exception { java.nio.file.Files.createFile(java.nio.file.Path.of(p))\\; }'"
                + "\\;CALL MARK('" + marker + "')";
    }

    @Test
    void anH2UrlWithInitIsRefusedAndRunsNoCode() throws Exception {
        // The control: handed to DriverManager as the connectivity test did before, this URL runs Java code.
        Path proof = dir.resolve("proof");
        try (Connection ignored = DriverManager.getConnection(h2CreatingFile(proof))) {
            assertThat(proof).exists();
        }

        Path marker = dir.resolve("marker");
        Map<String, Object> h2 = connection(Map.of("url", h2CreatingFile(marker), "username", "sa"), Map.of());
        assertRefusedEverywhere("jdbc", h2, "properties.url", "jdbc:postgresql://host[:port]/database");
        assertThat(marker).doesNotExist();
    }

    static Stream<HostileConnections.Row> corpus() {
        return HostileConnections.rows().stream();
    }

    /** The corpus of hostile configs (catalog-contract's hostile-connections.tsv), each through the whole API. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyConfigOfTheHostileCorpusIsRefusedEverywhere(HostileConnections.Row row) {
        assertRefusedEverywhere(row.kind().spelling(), connection(row.properties(), row.secrets()), row.refusedField(), "", row.value());
    }

    @Test
    void kafkaConfigProvidersAndReferencesAreRefusedAndNoFileIsRead() throws Exception {
        String content = "file-content-" + UUID.randomUUID();
        Api.registerSecret(content);
        Files.writeString(dir.resolve("token"), content);
        String provider = "org.apache.kafka.common.config.provider.DirectoryConfigProvider";

        Map<String, String> smuggled = new HashMap<>(Map.of(
                "bootstrap.servers", "${dir:" + dir + ":token}", "config.providers", "dir", "config.providers.dir.class", provider));
        assertRefusedEverywhere("kafka", connection(smuggled, Map.of()), "properties.bootstrap.servers", "no '${...}' references");
    }

    @Test
    void onlyDataAndSystemAdminsRunConnectivityTests() {
        String source = unique("pg");
        assertThat(dataAdmin.post("/api/v1/datasources", source(source, "postgresql", connection(
                Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres", "username", "postgres"), Map.of()))).status()).isEqualTo(201);

        String developerName = unique("dev");
        Api developer = newUser(developerName);
        Path marker = dir.resolve("dev-marker");
        ApiResponse unsaved = developer.post("/api/v1/datasources/connectivity-test", Map.of(
                "kind", "jdbc", "connection", connection(Map.of("url", h2CreatingFile(marker), "username", "sa"), Map.of())));
        assertThat(unsaved.status()).as(unsaved.body()).isEqualTo(403);
        assertThat(unsaved.contentType()).startsWith("application/problem+json");
        assertThat(marker).doesNotExist();
        assertThat(lastAuditBy(developerName)).containsEntry("outcome", "REFUSED").containsEntry("object_name", "unsaved/jdbc");

        ApiResponse saved = developer.post("/api/v1/datasources/" + source + "/connections/test/test", null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(403);
        assertThat(lastAuditBy(developerName)).containsEntry("outcome", "REFUSED").containsEntry("object_name", "test/" + source);

        ApiResponse byAdmin = dataAdmin.post("/api/v1/datasources/" + source + "/connections/test/test", null);
        assertThat(byAdmin.json().path("ok").asBoolean()).as(byAdmin.body()).isTrue();
        assertThat(lastAuditBy(dataAdminName)).containsEntry("outcome", "SUCCESS").containsEntry("object_name", "test/" + source);

        ApiResponse bySystemAdmin = admin().post("/api/v1/datasources/connectivity-test", Map.of(
                "kind", "redis", "connection", connection(Map.of("host", "127.0.0.1", "port", "1"), Map.of())));
        assertThat(bySystemAdmin.json().path("ok").asBoolean()).as(bySystemAdmin.body()).isFalse();
        assertThat(lastAuditBy(ADMIN)).containsEntry("outcome", "FAILED").containsEntry("object_name", "unsaved/redis");
    }

    /**
     * Refused at the connectivity test, at registration and at a change of an existing source, each naming the
     * field; nothing written (the API shows no new source and the existing one's connection as it was); each
     * refusal audited with the caller.
     */
    private void assertRefusedEverywhere(String kind, Map<String, Object> hostile, String field, String detail) {
        assertRefusedEverywhere(kind, hostile, field, detail, null);
    }

    /** As above, and no refusal quotes {@code value} (which may be a secret or a file's content). */
    private void assertRefusedEverywhere(String kind, Map<String, Object> hostile, String field, String detail, String value) {
        String existing = EXISTING.computeIfAbsent(kind, this::ordinarySource);
        long sources = count("data_sources");
        long connections = count("data_source_connections");

        ApiResponse tested = dataAdmin.post("/api/v1/datasources/connectivity-test", Map.of("kind", kind, "connection", hostile));
        assertProblem(tested, "connection." + field, detail, value);
        assertThat(lastAuditBy(dataAdminName)).containsEntry("outcome", "REFUSED").containsEntry("object_name", "unsaved/" + kind);

        String name = unique("bad");
        assertProblem(dataAdmin.post("/api/v1/datasources", source(name, kind, hostile)), "connections.test." + field, detail, value);
        assertThat(lastAudit("datasource.create", name)).containsEntry("outcome", "REFUSED").containsEntry("actor", dataAdminName);
        assertThat(dataAdmin.get("/api/v1/datasources/" + name).status()).isEqualTo(404);
        assertThat(count("data_sources")).isEqualTo(sources);

        String before = dataAdmin.get("/api/v1/datasources/" + existing).json().path("connections").toString();
        assertProblem(dataAdmin.put("/api/v1/datasources/" + existing + "/connections/test", hostile), "connections.test." + field, detail, value);
        assertThat(lastAudit("datasource.connection.update", "test/" + existing)).containsEntry("outcome", "REFUSED").containsEntry("actor", dataAdminName);
        assertThat(dataAdmin.get("/api/v1/datasources/" + existing).json().path("connections").toString()).isEqualTo(before);
        assertThat(count("data_source_connections")).isEqualTo(connections);
    }

    private String ordinarySource(String kind) {
        String name = unique("ok");
        Map<String, Object> ordinary = connection(HostileConnections.ordinaryProperties(ConnectionKind.of(kind)), Map.of());
        ApiResponse created = dataAdmin.post("/api/v1/datasources", source(name, kind, ordinary));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    private static void assertProblem(ApiResponse response, String field, String detail, String value) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field()).isEqualTo(field);
        assertThat(response.detail()).contains(detail).doesNotContain("Exception", "\tat ");
        if (value != null) {
            assertThat(response.detail()).doesNotContain(value);
        }
    }

    private Map<String, Object> lastAuditBy(String actor) {
        return jdbc.sql("select * from audit_entries where actor = ? and action = 'datasource.connectivity-test' order by id desc limit 1")
                .param(actor).query().singleRow();
    }

    private static Map<String, Object> source(String name, String kind, Map<String, Object> testConnection) {
        return Map.of("name", name, "kind", kind, "managementMode", "registered", "environmentScope", "test",
                "connections", Map.of("test", testConnection));
    }

    private static Map<String, Object> connection(Map<String, String> properties, Map<String, String> secrets) {
        return Map.of("properties", properties, "secrets", secrets);
    }
}
