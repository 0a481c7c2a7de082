package io.sluice.catalog.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP integration tests: the whole service on a random port, on a fresh PostgreSQL
 * database, with an in-JVM Kafka broker. All test classes share one application (Spring caches it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    protected static final String ADMIN = "admin";
    protected static final String ADMIN_PASSWORD = "admin-password";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestServices::postgresDatabase);
        registry.add("spring.datasource.username", () -> TestServices.POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("sluice.secrets.key", () -> "q1ZC1xJk3l2vW9mR0c4PZb8yV3nT6sHfA2eG5jK7LdM=");
        registry.add("sluice.bootstrap.admin-password", () -> ADMIN_PASSWORD);
        registry.add("logging.level.kafka", () -> "warn");
        registry.add("logging.level.state.change.logger", () -> "warn");
    }

    protected Api anonymous() {
        return Api.anonymous(port);
    }

    protected Api admin() {
        return anonymous().as(ADMIN, ADMIN_PASSWORD);
    }

    /** A name no other test uses, within the platform's naming rule. */
    protected static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Creates a user with the given platform roles; the password is the name followed by "-password". */
    protected Api newUser(String username, String... platformRoles) {
        ApiResponse created = admin().post("/api/v1/users", Map.of(
                "username", username, "password", username + "-password", "platformRoles", List.of(platformRoles)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return anonymous().as(username, username + "-password");
    }

    protected void newProject(String project, String adminUser) {
        ApiResponse created = admin().post("/api/v1/projects", Map.of("name", project));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (adminUser != null) {
            ApiResponse member = admin().put("/api/v1/projects/" + project + "/members/" + adminUser, Map.of("role", "project_admin"));
            assertThat(member.status()).as(member.body()).isEqualTo(200);
        }
    }

    /**
     * Designs a table owned by {@code project} (a topic on a managed Kafka source, or a PostgreSQL table on
     * a registered source) and has {@code approver} publish it to test; returns its name.
     */
    protected String publishedToTest(Api designer, String project, Api approver, boolean topic) {
        String source = unique(topic ? "kafka" : "pg");
        Map<String, Object> connection = topic
                ? Map.of("properties", Map.of("bootstrap.servers", TestServices.kafkaBootstrapServers()))
                : Map.of("properties", Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres", "username", "postgres"));
        ApiResponse created = approver.post("/api/v1/datasources", Map.of(
                "name", source, "kind", topic ? "kafka" : "postgresql", "managementMode", topic ? "managed" : "registered",
                "environmentScope", "both", "connections", Map.of("test", connection, "prod", connection)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String name = unique(topic ? "topic" : "tab");
        Map<String, Object> table = new java.util.HashMap<>(Map.of(
                "name", name, "ownerProject", project, "type", topic ? "topic" : "table",
                "columns", List.of(Map.of("name", "id", "type", "BIGINT"), Map.of("name", "name", "type", "STRING"),
                        Map.of("name", "secret_score", "type", "DOUBLE"))));
        if (topic) {
            table.putAll(Map.of("format", "json", "partitions", 1));
        }
        ApiResponse designed = designer.post("/api/v1/tables", table);
        assertThat(designed.status()).as(designed.body()).isEqualTo(201);
        ApiResponse asked = designer.post("/api/v1/tables/" + name + "/publish-requests", Map.of("environment", "test", "dataSource", source));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        ApiResponse approved = approver.post("/api/v1/publish-requests/" + asked.json().path("id").asLong() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return name;
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** The newest audit entry for an action on an object. */
    protected Map<String, Object> lastAudit(String action, String objectName) {
        return jdbc.sql("select * from audit_entries where action = ? and object_name = ? order by id desc limit 1")
                .params(action, objectName)
                .query()
                .singleRow();
    }
}
