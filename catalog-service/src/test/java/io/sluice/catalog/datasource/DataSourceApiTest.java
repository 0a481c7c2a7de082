package io.sluice.catalog.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import io.sluice.catalog.support.TestServices;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Data sources against the real PostgreSQL, MariaDB, Redis and in-JVM Kafka of this machine. */
class DataSourceApiTest extends ApiTest {

    private Api dataAdmin;

    @BeforeEach
    void dataAdmin() {
        dataAdmin = newUser(unique("dadmin"), "data_admin");
    }

    private static Map<String, Object> source(String name, String kind, String scope, Map<String, Object> connections) {
        return Map.of("name", name, "kind", kind, "managementMode", "registered", "environmentScope", scope, "connections", connections);
    }

    private static Map<String, Object> connection(Map<String, String> properties, Map<String, String> secrets) {
        return Map.of("properties", properties, "secrets", secrets);
    }

    private static Map<String, Object> postgres(String secret) {
        return connection(Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres", "username", "postgres"), Map.of("password", secret));
    }

    @Test
    void secretsAreSealedAtRestAndNeverReturnedButTheGatewayGetsThem() {
        String secret = "pg-" + UUID.randomUUID();
        Api.registerSecret(secret);
        String name = unique("pg");
        ApiResponse created = dataAdmin.post("/api/v1/datasources", source(name, "postgresql", "both", Map.of(
                "test", postgres(secret), "prod", postgres(secret))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/connections/test/secretKeys").toString()).isEqualTo("[\"password\"]");
        assertThat(created.json().at("/connections/prod/properties/username").asText()).isEqualTo("postgres");

        assertThat(dataAdmin.get("/api/v1/datasources/" + name).status()).isEqualTo(200);
        assertThat(dataAdmin.get("/api/v1/datasources?size=500").status()).isEqualTo(200);
        assertThat(dataAdmin.get("/v3/api-docs").status()).isEqualTo(200);
        List<String> stored = jdbc.sql("select c.sealed_secrets from data_source_connections c join data_sources d on d.id = c.data_source_id where d.name = ?")
                .param(name).query(String.class).list();
        assertThat(stored).hasSize(2).allSatisfy(sealed -> assertThat(sealed).doesNotContain(secret).doesNotContain("password"));

        // Changing the address keeps the password that was not retyped, and tells gateways through the change feed.
        long lastChange = jdbc.sql("select coalesce(max(id), 0) from change_events").query(Long.class).single();
        ApiResponse moved = dataAdmin.put("/api/v1/datasources/" + name + "/connections/test", Map.of(
                "properties", Map.of("url", "jdbc:postgresql://localhost:5432/postgres", "username", "postgres")));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().at("/connections/test/secretKeys").toString()).isEqualTo("[\"password\"]");
        assertThat(dataAdmin.get("/api/v1/changes?after=" + lastChange).body())
                .containsPattern("\"kind\":\"connection\",\"environment\":\"test\",[^}]*\"dataSource\":\"" + name + "\"");

        String gatewayUser = unique("gw");
        Api gateway = newUser(gatewayUser, "gateway").expectingSecrets();
        ApiResponse forGateway = gateway.get("/api/v1/environments/test/datasources/" + name + "/connection");
        assertThat(forGateway.status()).isEqualTo(200);
        assertThat(forGateway.json().at("/secrets/password").asText()).isEqualTo(secret);
        assertThat(forGateway.json().at("/properties/url").asText()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
        assertThat(lastAudit("datasource.connection.read", "test/" + name)).containsEntry("actor", gatewayUser);

        ApiResponse notGateway = dataAdmin.get("/api/v1/environments/test/datasources/" + name + "/connection");
        assertThat(notGateway.status()).isEqualTo(403);
        assertThat(notGateway.detail()).contains("only a gateway may read connection secrets");
    }

    @Test
    void connectivityTestsReallyConnect() {
        String kafka = unique("kafka");
        assertThat(dataAdmin.post("/api/v1/datasources", source(kafka, "kafka", "test", Map.of(
                "test", connection(Map.of("bootstrap.servers", TestServices.kafkaBootstrapServers()), Map.of())))).status())
                .isEqualTo(201);
        assertOk(dataAdmin.post("/api/v1/datasources/" + kafka + "/connections/test/test", null));

        String pg = unique("pg");
        dataAdmin.post("/api/v1/datasources", source(pg, "postgresql", "prod", Map.of("prod", postgres("whatever"))));
        assertOk(dataAdmin.post("/api/v1/datasources/" + pg + "/connections/prod/test", null));
        ApiResponse wrongEnvironment = dataAdmin.post("/api/v1/datasources/" + pg + "/connections/test/test", null);
        assertThat(wrongEnvironment.status()).isEqualTo(400);
        assertThat(wrongEnvironment.detail()).contains("does not serve test");

        assertOk(dataAdmin.post("/api/v1/datasources/connectivity-test", Map.of(
                "kind", "mysql", "connection", connection(Map.of("url", "jdbc:mariadb://127.0.0.1:3306/test", "username", "root"), Map.of()))));
        assertOk(dataAdmin.post("/api/v1/datasources/connectivity-test", Map.of(
                "kind", "redis", "connection", connection(Map.of("host", "127.0.0.1", "port", "6379"), Map.of()))));
    }

    @Test
    void failedConnectivityTestsSayWhy() {
        assertFails(Map.of("kind", "mysql", "connection", connection(
                        Map.of("url", "jdbc:mariadb://127.0.0.1:3306/test", "username", "no_such_user_x"), Map.of("password", "nope-123"))),
                "access denied: check the user name and password");
        assertFails(Map.of("kind", "postgresql", "connection", connection(
                        Map.of("url", "jdbc:postgresql://127.0.0.1:1/postgres", "username", "postgres"), Map.of())),
                "cannot connect to jdbc:postgresql://127.0.0.1:1/postgres: Connection refused");
        String redisSecret = "redis-" + UUID.randomUUID();
        Api.registerSecret(redisSecret);
        assertFails(Map.of("kind", "redis", "connection", connection(Map.of("host", "127.0.0.1", "port", "6379"), Map.of("password", redisSecret))),
                "Redis refused AUTH");
        assertFails(Map.of("kind", "redis", "connection", connection(Map.of("host", "127.0.0.1", "port", "1"), Map.of())),
                "Connection refused");
        assertFails(Map.of("kind", "kafka", "connection", connection(Map.of("bootstrap.servers", "127.0.0.1:1"), Map.of())),
                "Kafka at 127.0.0.1:1");
    }

    @Test
    void badDataSourcesAreRefusedAndChangeNothing() {
        long before = count("data_sources");
        Map<String, Object> pg = Map.of("test", postgres("x-secret"));
        assertRefused(source("1bad", "postgresql", "test", pg), 400, "name", "must start with a letter");
        assertRefused(source(unique("ok"), "oracle", "test", pg), 400, null, "'oracle' is not a valid value for kind");
        assertRefused(source(unique("ok"), "postgresql", "both", pg), 400, "connections.prod", "needs a connection config for prod");
        assertRefused(source(unique("ok"), "postgresql", "prod", pg), 400, "connections.prod", "needs a connection config for prod");
        assertRefused(source(unique("ok"), "postgresql", "test", Map.of("test", connection(
                        Map.of("url", "jdbc:postgresql://h/db", "username", "u", "password", "plain"), Map.of()))),
                400, "connections.test.properties.password", "looks like a secret");
        assertRefused(source(unique("ok"), "postgresql", "test", Map.of("test", connection(
                        Map.of("url", "jdbc:mysql://h/db", "username", "u"), Map.of()))),
                400, "connections.test.properties.url", "not a JDBC URL for a postgresql source");
        assertRefused(source(unique("ok"), "kafka", "test", Map.of("test", connection(Map.of(), Map.of()))),
                400, "connections.test.properties.bootstrap.servers", "needs the property 'bootstrap.servers'");
        assertRefused(source(unique("ok"), "redis", "test", Map.of("test", connection(Map.of("host", "h", "port", "99999"), Map.of()))),
                400, "connections.test.properties.port", "port must be a number");

        String taken = unique("taken");
        assertThat(dataAdmin.post("/api/v1/datasources", source(taken, "postgresql", "test", pg)).status()).isEqualTo(201);
        assertRefused(source(taken.toUpperCase(), "postgresql", "test", pg), 409, "name", "already exists");
        assertThat(count("data_sources")).isEqualTo(before + 1);

        Api developer = newUser(unique("dev"));
        ApiResponse notAdmin = developer.post("/api/v1/datasources", source(unique("ok"), "postgresql", "test", pg));
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(count("data_sources")).isEqualTo(before + 1);
        assertThat(lastAudit("datasource.create", "1bad")).containsEntry("outcome", "REFUSED");
    }

    private void assertRefused(Map<String, Object> body, int status, String field, String message) {
        ApiResponse response = dataAdmin.post("/api/v1/datasources", new HashMap<>(body));
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.detail()).contains(message);
        if (field != null) {
            assertThat(response.field()).isEqualTo(field);
        }
    }

    private void assertOk(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("ok").asBoolean()).as(response.body()).isTrue();
    }

    private void assertFails(Map<String, Object> body, String reason) {
        ApiResponse response = dataAdmin.post("/api/v1/datasources/connectivity-test", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("ok").asBoolean()).isFalse();
        assertThat(response.json().path("reason").asText()).contains(reason);
    }
}
