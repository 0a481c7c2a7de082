package io.sluice.catalog.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import io.sluice.catalog.support.TestServices;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** design → test → prod over HTTP, against PostgreSQL and a real (in-JVM) Kafka cluster. */
class PublishWorkflowApiTest extends ApiTest {

    private String project;
    private String designerName;
    private Api designer;
    private Api approver;
    private Api otherApprover;
    private String kafkaSource;

    @BeforeEach
    void setUp() {
        designerName = unique("des");
        designer = newUser(designerName);
        project = unique("proj");
        newProject(project, designerName);
        approver = newUser(unique("dana"), "data_admin");
        otherApprover = newUser(unique("dora"), "data_admin");
        kafkaSource = unique("kafka");
        Map<String, Object> kafka = Map.of("properties", Map.of("bootstrap.servers", TestServices.kafkaBootstrapServers()));
        ApiResponse created = approver.post("/api/v1/datasources", Map.of(
                "name", kafkaSource, "kind", "kafka", "managementMode", "managed", "environmentScope", "both",
                "connections", Map.of("test", kafka, "prod", kafka)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** A registered (not managed) data source serving one environment. */
    private void registerSource(String name, String kind, String environment, Map<String, String> properties) {
        ApiResponse created = approver.post("/api/v1/datasources", Map.of(
                "name", name, "kind", kind, "managementMode", "registered", "environmentScope", environment,
                "connections", Map.of(environment, Map.of("properties", properties))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private String newTopic(String kind, List<String> key) {
        String name = unique("t");
        var table = io.sluice.catalog.table.TableApiTestAccess.topic(name, project, kind, key);
        ApiResponse created = designer.post("/api/v1/tables", table);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    private long ask(Api who, String table, String environment, String dataSource) {
        ApiResponse asked = who.post("/api/v1/tables/" + table + "/publish-requests",
                dataSource == null ? Map.of("environment", environment) : Map.of("environment", environment, "dataSource", dataSource));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().path("status").asText()).isEqualTo("pending");
        return asked.json().path("id").asLong();
    }

    private void approve(long request) {
        ApiResponse approved = approver.post("/api/v1/publish-requests/" + request + "/approve", Map.of("comment", "looks good"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("approved");
    }

    @Test
    void aTopicTravelsDesignTestProdAndEachEnvironmentSeesItsVersion() throws Exception {
        String topic = newTopic("upsert", List.of("id"));

        ApiResponse tooEarly = designer.post("/api/v1/tables/" + topic + "/publish-requests", Map.of("environment", "prod", "dataSource", kafkaSource));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.detail()).contains("not published to test yet");

        long toTest = ask(designer, topic, "test", kafkaSource);
        long lastChange = jdbc.sql("select coalesce(max(id), 0) from change_events").query(Long.class).single();
        assertThat(designer.get("/api/v1/tables/" + topic + "?environment=test").status()).as("pending is not published").isEqualTo(404);
        approve(toTest);

        ApiResponse changes = admin().get("/api/v1/changes?after=" + lastChange);
        assertThat(changes.body()).contains("\"kind\":\"published\",\"environment\":\"test\",\"table\":\"" + topic + "\"");
        TopicDescription created = describe(topic);
        assertThat(created.partitions()).hasSize(3);
        assertThat(topicConfig(topic, "cleanup.policy")).isEqualTo("compact");
        assertThat(topicConfig(topic, "retention.ms")).isEqualTo(String.valueOf(24 * 3_600_000L));

        ApiResponse inTest = designer.get("/api/v1/tables/" + topic + "?environment=test");
        assertThat(inTest.json().path("version").asInt()).isEqualTo(1);
        assertThat(inTest.json().path("dataSource").asText()).isEqualTo(kafkaSource);
        assertThat(catalogTable("test", topic).path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(catalogTable("test", topic).path("primaryKey").toString()).isEqualTo("[\"id\"]");

        // Version 2 in design; test keeps version 1 until it is published again.
        ApiResponse v2 = designer.put("/api/v1/tables/" + topic + "/schema", Map.of(
                "columns", List.of(Map.of("name", "id", "type", "BIGINT"), Map.of("name", "note", "type", "STRING")),
                "primaryKey", List.of("id")));
        assertThat(v2.json().path("version").asInt()).isEqualTo(2);
        assertThat(designer.get("/api/v1/tables/" + topic + "?environment=test").json().path("version").asInt()).isEqualTo(1);
        assertThat(catalogTable("test", topic).path("columns")).hasSize(3);

        long toProdWithV1 = ask(designer, topic, "prod", null);
        assertThat(approver.get("/api/v1/publish-requests/" + toProdWithV1).json().path("version").asInt())
                .as("prod gets what test has").isEqualTo(1);
        approve(toProdWithV1);

        approve(ask(designer, topic, "test", null));
        assertThat(designer.get("/api/v1/tables/" + topic + "?environment=test").json().path("version").asInt()).isEqualTo(2);
        assertThat(designer.get("/api/v1/tables/" + topic + "?environment=prod").json().path("version").asInt()).isEqualTo(1);
        assertThat(catalogTable("prod", topic).path("columns")).hasSize(3);
        assertThat(catalogTable("test", topic).path("columns")).hasSize(2);

        long beforeEdit = jdbc.sql("select coalesce(max(id), 0) from change_events").query(Long.class).single();
        assertThat(designer.patch("/api/v1/tables/" + topic, Map.of("description", "edited")).status()).isEqualTo(200);
        assertThat(catalogTable("prod", topic).path("description").asText()).isEqualTo("edited");
        assertThat(admin().get("/api/v1/changes?after=" + beforeEdit).body())
                .as("both catalogs show the description, so gateways are told both changed")
                .contains("\"kind\":\"published\",\"environment\":\"test\",\"table\":\"" + topic + "\"")
                .contains("\"kind\":\"published\",\"environment\":\"prod\",\"table\":\"" + topic + "\"");

        ApiResponse again = designer.post("/api/v1/tables/" + topic + "/publish-requests", Map.of("environment", "test"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("test already has version 2");

        ApiResponse pendingList = approver.get("/api/v1/publish-requests?table=" + topic);
        assertThat(pendingList.json().path("total").asInt()).isEqualTo(3);
        assertThat(lastAudit("publish.approve", String.valueOf(toTest))).containsEntry("outcome", "SUCCESS");
    }

    @Test
    void decisionsFollowTheRulesAndRefusalsChangeNothing() {
        String topic = newTopic("append", List.of());
        long request = ask(designer, topic, "test", kafkaSource);

        ApiResponse duplicate = designer.post("/api/v1/tables/" + topic + "/publish-requests", Map.of("environment", "test", "dataSource", kafkaSource));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.detail()).contains("is still pending");

        ApiResponse byDesigner = designer.post("/api/v1/publish-requests/" + request + "/approve", Map.of());
        assertThat(byDesigner.status()).isEqualTo(403);
        assertThat(byDesigner.detail()).contains("only a data_admin may approve");

        ApiResponse noReason = approver.post("/api/v1/publish-requests/" + request + "/reject", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.field()).isEqualTo("comment");

        ApiResponse rejected = approver.post("/api/v1/publish-requests/" + request + "/reject", Map.of("comment", "partitions too few"));
        assertThat(rejected.json().path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.json().path("decisionComment").asText()).isEqualTo("partitions too few");
        ApiResponse twice = otherApprover.post("/api/v1/publish-requests/" + request + "/approve", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.detail()).contains("already rejected");
        assertThat(designer.get("/api/v1/tables/" + topic + "?environment=test").status()).isEqualTo(404);

        // A data admin may design for any project, but never decide their own request.
        long own = ask(approver, topic, "test", kafkaSource);
        ApiResponse self = approver.post("/api/v1/publish-requests/" + own + "/approve", Map.of());
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.detail()).contains("another data_admin must decide it");
        assertThat(count("table_publications where table_id = (select id from catalog_tables where name = '" + topic + "')")).isZero();

        ApiResponse notYours = designer.post("/api/v1/publish-requests/" + own + "/withdraw", null);
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(approver.post("/api/v1/publish-requests/" + own + "/withdraw", null).json().path("status").asText()).isEqualTo("withdrawn");
        assertThat(lastAudit("publish.approve", String.valueOf(own))).containsEntry("outcome", "REFUSED");
    }

    @Test
    void aTopicNeedsAKafkaSourceServingTheEnvironment() {
        String topic = newTopic("append", List.of());
        String pgOnlyProd = unique("pg");
        registerSource(pgOnlyProd, "postgresql", "prod", Map.of("url", "jdbc:postgresql://127.0.0.1/x", "username", "u"));
        ApiResponse wrongKind = designer.post("/api/v1/tables/" + topic + "/publish-requests", Map.of("environment", "test", "dataSource", pgOnlyProd));
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.detail()).contains("does not serve test");
        ApiResponse missing = designer.post("/api/v1/tables/" + topic + "/publish-requests", Map.of("environment", "test"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.field()).isEqualTo("dataSource");
        ApiResponse design = designer.post("/api/v1/tables/" + topic + "/publish-requests", Map.of("environment", "design", "dataSource", kafkaSource));
        assertThat(design.status()).isEqualTo(400);
        assertThat(count("publish_requests where table_id = (select id from catalog_tables where name = '" + topic + "')")).isZero();
    }

    @Test
    void aHashTableGoesToARedisSourceOnly() {
        String table = unique("h");
        Map<String, Object> design = new java.util.HashMap<>(io.sluice.catalog.table.TableApiTestAccess.topic(table, project, null, List.of("id")));
        design.put("type", "table");
        design.put("format", "hash");
        design.remove("partitions");
        design.remove("retentionHours");
        design.remove("topicKind");
        ApiResponse created = designer.post("/api/v1/tables", design);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("format").asText()).isEqualTo("hash");
        String pg = unique("pg");
        String redis = unique("redis");
        registerSource(pg, "postgresql", "test", Map.of("url", "jdbc:postgresql://127.0.0.1/x", "username", "u"));
        registerSource(redis, "redis", "test", Map.of("host", "127.0.0.1", "port", "6379"));

        ApiResponse toPostgres = designer.post("/api/v1/tables/" + table + "/publish-requests", Map.of("environment", "test", "dataSource", pg));
        assertThat(toPostgres.status()).isEqualTo(400);
        assertThat(toPostgres.field()).isEqualTo("dataSource");
        assertThat(toPostgres.detail()).contains("has format hash", "is postgresql", "publish it to a redis source");
        assertThat(count("publish_requests where table_id = (select id from catalog_tables where name = '" + table + "')")).isZero();

        approve(ask(designer, table, "test", redis));
        ApiResponse catalog = designer.get("/api/v1/environments/test/catalog");
        assertThat(catalog.body()).contains("\"name\":\"" + table + "\"");
        assertThat(catalog.body()).containsPattern("\"name\":\"" + table + "\"[^}]*\"format\":\"hash\"");
    }

    @Test
    void anUnreachableClusterFailsTheApprovalClearlyAndTheRequestStaysPending() {
        String deadKafka = unique("dead");
        Map<String, Object> dead = Map.of("properties", Map.of("bootstrap.servers", "127.0.0.1:1"));
        approver.post("/api/v1/datasources", Map.of(
                "name", deadKafka, "kind", "kafka", "managementMode", "managed", "environmentScope", "test", "connections", Map.of("test", dead)));
        String topic = newTopic("append", List.of());
        long request = ask(designer, topic, "test", deadKafka);

        ApiResponse failed = approver.post("/api/v1/publish-requests/" + request + "/approve", Map.of());
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.detail()).contains("could not create topic '" + topic + "' on data source '" + deadKafka + "'").contains("127.0.0.1:1");
        assertThat(approver.get("/api/v1/publish-requests/" + request).json().path("status").asText()).isEqualTo("pending");
        assertThat(designer.get("/api/v1/tables/" + topic + "?environment=test").status()).isEqualTo(404);
        assertThat(lastAudit("publish.approve", String.valueOf(request))).containsEntry("outcome", "FAILED");
    }

    private com.fasterxml.jackson.databind.JsonNode catalogTable(String environment, String table) {
        ApiResponse catalog = designer.get("/api/v1/environments/" + environment + "/catalog");
        assertThat(catalog.status()).isEqualTo(200);
        for (var database : catalog.json().path("databases")) {
            for (var t : database.path("tables")) {
                if (t.path("name").asText().equals(table)) {
                    assertThat(database.path("name").asText()).isEqualTo(kafkaSource);
                    assertThat(database.path("dataSourceKind").asText()).isEqualTo("kafka");
                    return t;
                }
            }
        }
        throw new AssertionError(table + " is not in the " + environment + " catalog: " + catalog.body());
    }

    private static Admin kafkaAdmin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServices.kafkaBootstrapServers());
        return Admin.create(props);
    }

    private static TopicDescription describe(String topic) throws Exception {
        try (Admin admin = kafkaAdmin()) {
            return admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        }
    }

    private static String topicConfig(String topic, String key) throws Exception {
        try (Admin admin = kafkaAdmin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(Set.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource).get(key).value();
        }
    }
}
