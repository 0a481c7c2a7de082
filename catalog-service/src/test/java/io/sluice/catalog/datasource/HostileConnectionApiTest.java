package io.sluice.catalog.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import io.sluice.catalog.support.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection configs that turn a driver or client into code, files or foreign sockets: each refused, naming the
 * field, at registration, at change and at the connectivity test, with nothing written, nothing run and the
 * refusal audited with the caller; and connectivity tests only for data and system admins.
 */
class HostileConnectionApiTest extends ApiTest {

    @TempDir
    Path dir;

    private String dataAdminName;
    private Api dataAdmin;

    @BeforeEach
    void dataAdmin() {
        dataAdminName = unique("dadmin");
        dataAdmin = newUser(dataAdminName, "data_admin");
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

    @Test
    void driverOptionsThatLoadClassesOrFilesAreRefused() {
        assertRefusedEverywhere("postgresql", connection(Map.of("url",
                        "jdbc:postgresql://127.0.0.1:5432/postgres?socketFactory=org.springframework.context.support."
                                + "ClassPathXmlApplicationContext&socketFactoryArg=http://127.0.0.1:1/x.xml", "username", "postgres"), Map.of()),
                "properties.url", "may carry only the parameters");
        assertRefusedEverywhere("mysql", connection(Map.of("url",
                        "jdbc:mariadb://127.0.0.1:3306/test?allowLoadLocalInfile=true", "username", "root"), Map.of()),
                "properties.url", "may carry only the parameters");
        // An allowed parameter cannot carry a second one inside its value.
        assertRefusedEverywhere("postgresql", connection(Map.of("url",
                        "jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable%26loggerFile=/tmp/x", "username", "postgres"), Map.of()),
                "properties.url", "needs one plain value");
        assertRefusedEverywhere("postgresql", connection(Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres",
                        "username", "postgres", "loggerFile", "/tmp/pg.log"), Map.of()),
                "properties.loggerFile", "may set only [url, username]");
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

        Map<String, String> providers = new HashMap<>(Map.of(
                "bootstrap.servers", TestServices.kafkaBootstrapServers(), "config.providers", "dir", "config.providers.dir.class", provider));
        assertRefusedEverywhere("kafka", connection(providers, Map.of()), "properties.config.providers", "a kafka connection may set only");

        assertRefusedEverywhere("kafka", connection(Map.of("bootstrap.servers", TestServices.kafkaBootstrapServers(),
                        "interceptor.classes", "org.example.Evil"), Map.of()), "properties.interceptor.classes", "class names");
    }

    @Test
    void aJaasConfigWithAForeignLoginModuleIsRefused() {
        String jaas = "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=\"true\" keyTab=\"" + dir.resolve("k") + "\";";
        Api.registerSecret(jaas);
        assertRefusedEverywhere("kafka", connection(Map.of("bootstrap.servers", TestServices.kafkaBootstrapServers(),
                        "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN"), Map.of("sasl.jaas.config", jaas)),
                "secrets.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule");
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

    /** Refused at the connectivity test, at registration and at a change of an existing source; nothing written, audited. */
    private void assertRefusedEverywhere(String kind, Map<String, Object> hostile, String field, String detail) {
        long sources = count("data_sources");
        long connections = count("data_source_connections");

        ApiResponse tested = dataAdmin.post("/api/v1/datasources/connectivity-test", Map.of("kind", kind, "connection", hostile));
        assertProblem(tested, "connection." + field, detail);
        assertThat(lastAuditBy(dataAdminName)).containsEntry("outcome", "REFUSED").containsEntry("object_name", "unsaved/" + kind);

        String name = unique("bad");
        assertProblem(dataAdmin.post("/api/v1/datasources", source(name, kind, hostile)), "connections.test." + field, detail);
        assertThat(lastAudit("datasource.create", name)).containsEntry("outcome", "REFUSED").containsEntry("actor", dataAdminName);
        assertThat(count("data_sources")).isEqualTo(sources);

        String existing = unique("ok");
        Map<String, Object> good = switch (kind) {
            case "kafka" -> connection(Map.of("bootstrap.servers", TestServices.kafkaBootstrapServers()), Map.of());
            case "mysql" -> connection(Map.of("url", "jdbc:mariadb://127.0.0.1:3306/test", "username", "root"), Map.of());
            default -> connection(Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres", "username", "postgres"), Map.of());
        };
        assertThat(dataAdmin.post("/api/v1/datasources", source(existing, kind, good)).status()).isEqualTo(201);
        String before = storedProperties(existing);
        assertProblem(dataAdmin.put("/api/v1/datasources/" + existing + "/connections/test", hostile), "connections.test." + field, detail);
        assertThat(storedProperties(existing)).isEqualTo(before);
        assertThat(count("data_source_connections")).isEqualTo(connections + 1);
    }

    private static void assertProblem(ApiResponse response, String field, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field()).isEqualTo(field);
        assertThat(response.detail()).contains(detail).doesNotContain("Exception", "\tat ");
    }

    private String storedProperties(String source) {
        return jdbc.sql("select c.properties from data_source_connections c join data_sources d on d.id = c.data_source_id where d.name = ?")
                .param(source).query(String.class).single();
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
