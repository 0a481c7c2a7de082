package io.sluice.catalog.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.changes.ChangeFeed;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import io.sluice.contract.ChangeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TableApiTest extends ApiTest {

    @Autowired
    private ChangeFeed changeFeed;

    private String project;
    private Api designer;

    @BeforeEach
    void project() {
        String user = unique("des");
        designer = newUser(user);
        project = unique("proj");
        newProject(project, user);
    }

    static Map<String, Object> topic(String name, String project, String kind, List<Map<String, String>> columns, List<String> key) {
        Map<String, Object> table = new HashMap<>();
        table.put("name", name);
        table.put("displayName", "Display " + name);
        table.put("ownerProject", project);
        table.put("type", "topic");
        table.put("format", "json");
        table.put("partitions", 3);
        table.put("retentionHours", 24);
        table.put("topicKind", kind);
        table.put("columns", columns);
        table.put("primaryKey", key);
        return table;
    }

    static Map<String, String> column(String name, String type) {
        return Map.of("name", name, "type", type, "comment", "the " + name);
    }

    static List<Map<String, String>> orderColumns() {
        return List.of(column("id", "BIGINT"), column("amount", "decimal(10,2)"), column("tags", "ARRAY<STRING>"));
    }

    @Test
    void designsATopicWithCanonicalTypesAndVersionsItsSchema() {
        String name = unique("orders");
        ApiResponse created = designer.post("/api/v1/tables", topic(name, project, "upsert", orderColumns(), List.of("id")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("environment").asText()).isEqualTo("design");
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        assertThat(created.json().path("topicKind").asText()).isEqualTo("upsert");
        assertThat(created.json().at("/columns/1/type").asText()).isEqualTo("DECIMAL(10, 2)");
        assertThat(created.json().at("/columns/0/comment").asText()).isEqualTo("the id");

        ApiResponse changed = designer.put("/api/v1/tables/" + name + "/schema", Map.of(
                "columns", List.of(column("id", "BIGINT"), column("amount", "DECIMAL(12, 2)")), "primaryKey", List.of("id")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("version").asInt()).isEqualTo(2);
        assertThat(designer.get("/api/v1/tables/" + name + "/versions").body()).isEqualTo("[1,2]");

        ApiResponse same = designer.put("/api/v1/tables/" + name + "/schema", Map.of(
                "columns", List.of(column("id", "BIGINT"), column("amount", "DECIMAL(12, 2)")), "primaryKey", List.of("id")));
        assertThat(same.status()).isEqualTo(409);

        List<Map<String, String>> timed = List.of(column("id", "BIGINT"), column("amount", "DECIMAL(12, 2)"), column("placed", "TIMESTAMP(3)"));
        ApiResponse badTime = designer.put("/api/v1/tables/" + name + "/schema", Map.of(
                "columns", timed, "primaryKey", List.of("id"), "watermark", Map.of("column", "amount", "delayMs", 5000)));
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.field()).isEqualTo("watermark.column");
        assertThat(badTime.detail()).contains("'amount' is DECIMAL(12, 2)", "TIMESTAMP(3)");
        ApiResponse withTime = designer.put("/api/v1/tables/" + name + "/schema", Map.of(
                "columns", timed, "primaryKey", List.of("id"), "watermark", Map.of("column", "placed", "delayMs", 5000)));
        assertThat(withTime.status()).as(withTime.body()).isEqualTo(200);
        assertThat(withTime.json().path("version").asInt()).isEqualTo(3);
        assertThat(withTime.json().at("/watermark/column").asText()).isEqualTo("placed");
        assertThat(withTime.json().at("/watermark/delayMs").asLong()).isEqualTo(5000);
        assertThat(designer.get("/api/v1/tables/" + name).json().at("/watermark/column").asText()).isEqualTo("placed");

        ApiResponse details = designer.patch("/api/v1/tables/" + name, Map.of("partitions", 6, "description", "more partitions"));
        assertThat(details.json().path("partitions").asInt()).isEqualTo(6);
        assertThat(details.json().path("version").asInt()).as("details are not a schema version").isEqualTo(3);
        assertThat(details.json().at("/watermark/column").asText()).as("details keep the event time").isEqualTo("placed");
        assertThat(designer.get("/api/v1/tables/" + name + "?environment=test").status()).isEqualTo(404);
    }

    @Test
    void primaryKeyColumnsAreNotNullStoredShownAndInTheCatalog() {
        Api approver = newUser(unique("dana"), "data_admin");
        String source = unique("kafka");
        Map<String, Object> kafka = Map.of("properties", Map.of("bootstrap.servers", "127.0.0.1:9092"));
        ApiResponse registered = approver.post("/api/v1/datasources", Map.of(
                "name", source, "kind", "kafka", "managementMode", "registered", "environmentScope", "test",
                "connections", Map.of("test", kafka)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String name = unique("keyed");
        List<Map<String, String>> columns = List.of(column("id", "BIGINT"), column("region", "STRING NOT NULL"), column("note", "STRING"));
        ApiResponse created = designer.post("/api/v1/tables", topic(name, project, "upsert", columns, List.of("id", "region")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(types(created.json().path("columns"))).containsExactly("BIGINT NOT NULL", "STRING NOT NULL", "STRING");
        assertThat(storedTypes(name, 1)).as("stored canonically").containsExactly("BIGINT NOT NULL", "STRING NOT NULL", "STRING");

        ApiResponse same = designer.put("/api/v1/tables/" + name + "/schema", Map.of("columns", columns, "primaryKey", List.of("id", "region")));
        assertThat(same.status()).as("a nullable key spelled as before is the same schema").isEqualTo(409);

        ApiResponse asked = designer.post("/api/v1/tables/" + name + "/publish-requests", Map.of("environment", "test", "dataSource", source));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        ApiResponse approved = approver.post("/api/v1/publish-requests/" + asked.json().path("id").asLong() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(types(designer.get("/api/v1/tables/" + name + "?environment=test").json().path("columns")))
                .containsExactly("BIGINT NOT NULL", "STRING NOT NULL", "STRING");
        assertThat(types(catalogTable(name).path("columns"))).containsExactly("BIGINT NOT NULL", "STRING NOT NULL", "STRING");

        // a version stored before the rule, with a nullable key column, is read with the rule too
        jdbc.sql("update table_schema_versions set columns = replace(columns, 'BIGINT NOT NULL', 'BIGINT') "
                        + "where table_id = (select id from catalog_tables where name = ?)")
                .param(name)
                .update();
        // the catalog is rendered once per head of the change feed; a row changed behind the service's back (as by a
        // migration, before a restart) is read once the feed moves on
        changeFeed.record(ChangeKind.PUBLISHED, Environment.TEST, name);
        assertThat(storedTypes(name, 1)).containsExactly("BIGINT", "STRING NOT NULL", "STRING");
        assertThat(types(catalogTable(name).path("columns"))).containsExactly("BIGINT NOT NULL", "STRING NOT NULL", "STRING");
        assertThat(types(designer.get("/api/v1/tables/" + name).json().path("columns"))).containsExactly("BIGINT NOT NULL", "STRING NOT NULL", "STRING");
    }

    private JsonNode catalogTable(String name) {
        ApiResponse catalog = designer.get("/api/v1/environments/test/catalog");
        assertThat(catalog.status()).as(catalog.body()).isEqualTo(200);
        for (JsonNode database : catalog.json().path("databases")) {
            for (JsonNode table : database.path("tables")) {
                if (table.path("name").asText().equals(name)) {
                    return table;
                }
            }
        }
        throw new AssertionError(name + " is not in the test catalog: " + catalog.body());
    }

    private List<String> storedTypes(String table, int version) {
        String columns = jdbc.sql("select v.columns from table_schema_versions v join catalog_tables t on t.id = v.table_id "
                        + "where t.name = ? and v.version = ?")
                .params(table, version)
                .query(String.class)
                .single();
        try {
            return types(new ObjectMapper().readTree(columns));
        } catch (JsonProcessingException e) {
            throw new AssertionError("stored columns are not JSON: " + columns, e);
        }
    }

    private static List<String> types(JsonNode columns) {
        List<String> types = new java.util.ArrayList<>();
        columns.forEach(c -> types.add(c.path("type").asText()));
        return types;
    }

    @Test
    void requestsCreatingTheSameNameAtOnceKeepOneAndAnswerTheOthersWithAConflict() throws Exception {
        int requests = 8;
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            for (int round = 0; round < 5; round++) {
                String name = unique("race");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ApiResponse>> answers = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    answers.add(clients.submit(() -> {
                        start.await();
                        return designer.post("/api/v1/tables", topic(name, project, "append", orderColumns(), List.of()));
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<ApiResponse> answer : answers) {
                    ApiResponse response = answer.get(60, TimeUnit.SECONDS);
                    statuses.add(response.status());
                    if (response.status() == 409) {
                        assertThat(response.json().path("detail").asText()).as(response.body())
                                .containsAnyOf("already exists", "another request created the same name at the same moment");
                    }
                }
                assertThat(statuses).as("round %d", round).containsOnlyOnce(201).containsOnly(201, 409);
                assertThat(jdbc.sql("select count(*) from catalog_tables where name = ?").param(name).query(Long.class).single())
                        .isEqualTo(1);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void badTablesAreRefusedNamingTheFieldAndChangeNothing() {
        List<Map<String, String>> columns = orderColumns();
        String taken = unique("taken");
        assertThat(designer.post("/api/v1/tables", topic(taken, project, "append", columns, List.of())).status()).isEqualTo(201);
        long tables = count("catalog_tables");
        long versions = count("table_schema_versions");

        assertRefused(topic("a", project, "append", columns, List.of()), 400, "name", "must be 2 to 35 characters");
        assertRefused(topic("a23456789012345678901234567890123456", project, "append", columns, List.of()), 400, "name", "must be 2 to 35");
        assertRefused(topic("_orders", project, "append", columns, List.of()), 400, "name", "must start with a letter");
        assertRefused(topic("9orders", project, "append", columns, List.of()), 400, "name", "must start with a letter");
        assertRefused(topic("my-orders", project, "append", columns, List.of()), 400, "name", "only letters, digits and underscore");
        assertRefused(topic("orders_ok", project, "append", List.of(column("id", "FOO")), List.of()),
                400, "columns[0].type", "'FOO' is not a Flink SQL type");
        assertRefused(topic("orders_ok", project, "append", List.of(column("id", "VARCHAR(x)")), List.of()),
                400, "columns[0].type", "is not a Flink SQL type");
        assertRefused(topic("orders_ok", project, "append", List.of(column("id", "INT"), column("ID", "INT")), List.of()),
                400, "columns[1].name", "appears twice");
        assertRefused(topic("orders_ok", project, "upsert", columns, List.of()), 400, "primaryKey", "an upsert topic needs a primary key");
        assertRefused(topic("orders_ok", project, "append", columns, List.of("nope")), 400, "primaryKey", "'nope' is not one of the columns");
        assertRefused(topic("orders_ok", project, "sideways", columns, List.of()), 400, null, "'sideways' is not a valid value for topicKind");
        Map<String, Object> noPartitions = topic("orders_ok", project, "append", columns, List.of());
        noPartitions.put("partitions", 0);
        assertRefused(noPartitions, 400, "partitions", "between 1 and 1024");
        Map<String, Object> tableWithPartitions = topic("orders_ok", project, "append", columns, List.of());
        tableWithPartitions.put("type", "table");
        assertRefused(tableWithPartitions, 400, "partitions", "applies to topics only");
        Map<String, Object> csvTable = topic("orders_ok", project, "append", columns, List.of());
        csvTable.put("type", "table");
        csvTable.remove("partitions");
        csvTable.remove("retentionHours");
        csvTable.remove("topicKind");
        csvTable.put("format", "csv");
        assertRefused(csvTable, 400, "format", "a table's format is json or hash");
        Map<String, Object> hashTopic = topic("orders_ok", project, "append", columns, List.of());
        hashTopic.put("format", "hash");
        assertRefused(hashTopic, 400, "format", "hash is for Redis tables");
        assertRefused(topic(taken.toUpperCase(), project, "append", columns, List.of()), 409, "name", "already exists");
        assertRefused(topic("orders_ok", "no_such_project", "append", columns, List.of()), 404, null, "project 'no_such_project' does not exist");

        ApiResponse outsider = newUser(unique("out")).post("/api/v1/tables", topic("orders_ok", project, "append", columns, List.of()));
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.detail()).contains("takes the project_admin or developer role");

        assertThat(count("catalog_tables")).isEqualTo(tables);
        assertThat(count("table_schema_versions")).isEqualTo(versions);
        assertThat(lastAudit("table.create", "9orders")).containsEntry("outcome", "REFUSED").containsEntry("actor", designerName());
    }

    private String designerName() {
        return designer.get("/api/v1/principal").json().path("user").asText();
    }

    private void assertRefused(Map<String, Object> table, int status, String field, String message) {
        ApiResponse response = designer.post("/api/v1/tables", table);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.detail()).contains(message);
        if (field != null) {
            assertThat(response.field()).isEqualTo(field);
        }
    }
}
