package io.sluice.catalog.hive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import io.sluice.hive.testserver.MetastoreServer;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hive sources against a real Hive Metastore (hive-standalone-metastore-server, Derby in memory) in a child JVM,
 * started once for the class; its tables are made, changed and dropped through Hive's own client.
 */
class HiveMetastoreApiTest extends ApiTest {

    private static final String EVERY_TYPE = String.join("|",
            "c_tinyint=tinyint=a small one", "c_smallint=smallint", "c_int=int", "c_bigint=bigint", "c_float=float",
            "c_double=double", "c_decimal=decimal(12,3)", "c_string=string", "c_char=char(5)", "c_varchar=varchar(200)",
            "c_boolean=boolean", "c_binary=binary", "c_date=date", "c_timestamp=timestamp",
            "c_array=array<decimal(5,2)>", "c_map=map<string,array<int>>", "c_struct=struct<street:string,no:int>");

    private static MetastoreServer metastore;

    private Api dataAdmin;
    private Api designer;
    private String project;
    private String source;

    @BeforeAll
    static void startMetastore() {
        metastore = MetastoreServer.start();
        metastore.seed(
                "database\tsales",
                "table\tsales\tevery_type\t" + EVERY_TYPE,
                "table\tsales\tevents\tid=bigint|payload=string\tdt=string|hr=int\torc",
                "table\tsales\todd\tid=bigint|u=uniontype<int,string>",
                "table\tsales\tcustomers\tid=bigint|name=string\tdt=string\ttextfile",
                "table\tsales\tshipments\tid=bigint|carrier=string");
    }

    @AfterAll
    static void stopMetastore() {
        if (metastore != null) {
            metastore.close();
        }
    }

    @BeforeEach
    void hiveSource() {
        String adminName = unique("hadmin");
        dataAdmin = newUser(adminName, "data_admin");
        String designerName = unique("hdev");
        designer = newUser(designerName);
        project = unique("hproj");
        newProject(project, designerName);
        source = unique("hive");
        ApiResponse created = dataAdmin.post("/api/v1/datasources", Map.of(
                "name", source, "kind", "hive", "managementMode", "registered", "environmentScope", "test",
                "connections", Map.of("test", Map.of("properties", Map.of("hive.metastore.uris", metastore.uri())))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void browseShowsFlinkTypesAndImportIsAllOrNothing() {
        ApiResponse probe = dataAdmin.post("/api/v1/datasources/" + source + "/connections/test/test", Map.of());
        assertThat(probe.json().path("ok").asBoolean()).as(probe.body()).isTrue();

        ApiResponse databases = designer.get(metastoreApi() + "/databases");
        assertThat(databases.status()).as(databases.body()).isEqualTo(200);
        assertThat(databases.json().path("items").toString()).contains("\"sales\"");

        ApiResponse page = designer.get(metastoreApi() + "/databases/sales/tables?size=2&page=1");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("total").asInt()).isEqualTo(5);
        assertThat(names(page.json().path("items"))).containsExactly("every_type", "odd");
        JsonNode odd = page.json().path("items").get(1);
        assertThat(odd.path("importable").asBoolean()).isFalse();
        assertThat(odd.path("problems").toString()).contains("column 'u'", "uniontype<int,string>", "no union type");

        // one table Flink cannot type refuses the whole request: nothing of it is written
        long before = count("catalog_tables");
        ApiResponse refused = designer.post(metastoreApi() + "/imports", Map.of("ownerProject", project, "tables", List.of(
                hive("every_type", unique("every")), hive("odd", unique("odd")))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("nothing was imported", "sales.odd: column 'u' has Hive type uniontype<int,string>");
        assertThat(count("catalog_tables")).isEqualTo(before);

        String everyType = unique("every");
        String events = unique("events");
        ApiResponse imported = designer.post(metastoreApi() + "/imports", Map.of("ownerProject", project, "tables", List.of(
                hive("every_type", everyType), hive("EVENTS", events))));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("tables").get(1).path("hiveTable").asText()).isEqualTo("sales.events");
        assertThat(lastAudit("table.import", events)).containsEntry("outcome", "SUCCESS");

        JsonNode every = designer.get("/api/v1/tables/" + everyType).json();
        List<String> types = new ArrayList<>();
        every.path("columns").forEach(c -> types.add(c.path("name").asText() + " " + c.path("type").asText()));
        assertThat(types).containsExactly("c_tinyint TINYINT", "c_smallint SMALLINT", "c_int INT", "c_bigint BIGINT",
                "c_float FLOAT", "c_double DOUBLE", "c_decimal DECIMAL(12, 3)", "c_string STRING", "c_char CHAR(5)",
                "c_varchar VARCHAR(200)", "c_boolean BOOLEAN", "c_binary BYTES", "c_date DATE", "c_timestamp TIMESTAMP(9)",
                "c_array ARRAY<DECIMAL(5, 2)>", "c_map MAP<STRING, ARRAY<INT>>", "c_struct ROW<`street` STRING, `no` INT>");
        assertThat(every.path("columns").get(0).path("comment").asText()).isEqualTo("a small one");
        assertThat(every.path("description").asText()).isEqualTo("the every_type table");
        assertThat(every.at("/properties/hive.storage-format").asText()).isEqualTo("parquet");
        assertThat(every.at("/properties/hive.location").asText()).endsWith("/sales.db/every_type");
        assertThat(every.at("/properties/hive.table-type").asText()).isEqualTo("EXTERNAL_TABLE");

        JsonNode partitioned = designer.get("/api/v1/tables/" + events).json();
        assertThat(partitioned.path("partitionKeys").toString()).isEqualTo("[\"dt\",\"hr\"]");
        assertThat(names(partitioned.path("columns"))).containsExactly("id", "payload", "dt", "hr");
        assertThat(partitioned.at("/properties/hive.storage-format").asText()).isEqualTo("orc");

        ApiResponse again = designer.post(metastoreApi() + "/imports", Map.of("ownerProject", project, "tables", List.of(hive("events", unique("ev")))));
        assertThat(again.detail()).contains("already imported from this metastore as '" + events + "'");
        ApiResponse edit = designer.put("/api/v1/tables/" + events + "/schema", Map.of("columns", List.of(Map.of("name", "id", "type", "INT"))));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.detail()).contains("schema follows the metastore", "hive-sync");

        // published like any table, to the source it came from; the gateway's catalog has its partition keys
        ApiResponse wrongSource = designer.post("/api/v1/tables/" + publishedToTest(designer, project, dataAdmin, false)
                + "/publish-requests", Map.of("environment", "prod", "dataSource", source));
        assertThat(wrongSource.status()).isEqualTo(400);
        publish(events);
        Api gateway = newUser(unique("hgw"), "gateway");
        ApiResponse catalog = gateway.get("/api/v1/environments/test/catalog");
        JsonNode database = null;
        for (JsonNode db : catalog.json().path("databases")) {
            if (db.path("name").asText().equals(source)) {
                database = db;
            }
        }
        assertThat(database).as(catalog.body()).isNotNull();
        assertThat(database.path("dataSourceKind").asText()).isEqualTo("hive");
        assertThat(database.at("/tables/0/partitionKeys").toString()).isEqualTo("[\"dt\",\"hr\"]");
    }

    @Test
    void reSyncShowsTheDifferenceThenWritesANewVersionAndKeepsGrants() {
        String customers = unique("cust");
        assertThat(designer.post(metastoreApi() + "/imports", Map.of("ownerProject", project,
                "tables", List.of(hive("customers", customers)))).status()).isEqualTo(201);
        publish(customers);
        String consumer = unique("hcons");
        newProject(consumer, null);
        ApiResponse granted = dataAdmin.post("/api/v1/access/whitelist", Map.of(
                "environment", "test", "tables", List.of(customers), "projects", List.of(consumer), "privileges", List.of("select")));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(designer.get("/api/v1/tables/" + customers + "/hive-sync").json().path("changed").asBoolean()).isFalse();

        metastore.seed("columns\tsales\tcustomers\tid=bigint|name=varchar(100)|email=string",
                "partitions\tsales\tcustomers\tdt=string|country=string");
        ApiResponse preview = designer.get("/api/v1/tables/" + customers + "/hive-sync");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("changed").asBoolean()).isTrue();
        assertThat(names(preview.json().path("addedColumns"))).containsExactly("email", "country");
        assertThat(preview.json().at("/changedColumns/0/name").asText()).isEqualTo("name");
        assertThat(preview.json().at("/changedColumns/0/typeBefore").asText()).isEqualTo("STRING");
        assertThat(preview.json().at("/changedColumns/0/typeAfter").asText()).isEqualTo("VARCHAR(100)");
        assertThat(preview.json().path("partitionKeysBefore").toString()).isEqualTo("[\"dt\"]");
        assertThat(preview.json().path("partitionKeysAfter").toString()).isEqualTo("[\"dt\",\"country\"]");
        assertThat(preview.json().path("appliedVersion").isIntegralNumber()).as("a preview").isFalse();
        assertThat(designer.get("/api/v1/tables/" + customers).json().path("designVersion").asInt()).as("a preview writes nothing").isEqualTo(1);

        ApiResponse applied = designer.post("/api/v1/tables/" + customers + "/hive-sync", Map.of());
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().path("appliedVersion").asInt()).isEqualTo(2);
        JsonNode design = designer.get("/api/v1/tables/" + customers).json();
        assertThat(design.path("version").asInt()).isEqualTo(2);
        assertThat(names(design.path("columns"))).containsExactly("id", "name", "email", "dt", "country");
        assertThat(design.path("partitionKeys").toString()).isEqualTo("[\"dt\",\"country\"]");
        assertThat(designer.get("/api/v1/tables/" + customers + "?environment=test").json().path("version").asInt())
                .as("test keeps its version until it is published again").isEqualTo(1);
        assertThat(dataAdmin.get("/api/v1/tables/" + customers + "/access?environment=test").body()).contains(consumer);
        assertThat(designer.post("/api/v1/tables/" + customers + "/hive-sync", Map.of()).status()).as("nothing left to change").isEqualTo(409);

        metastore.seed("drop\tsales\tcustomers");
        ApiResponse gone = designer.get("/api/v1/tables/" + customers + "/hive-sync");
        assertThat(gone.json().path("droppedInHive").asBoolean()).as(gone.body()).isTrue();
        ApiResponse refused = designer.post("/api/v1/tables/" + customers + "/hive-sync", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("was dropped from the metastore", "stays in the catalog");
        assertThat(designer.get("/api/v1/tables/" + customers).status()).isEqualTo(200);
    }

    @Test
    void anUnreachableMetastoreGetsAClearError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String dead = unique("hivedead");
        assertThat(dataAdmin.post("/api/v1/datasources", Map.of(
                "name", dead, "kind", "hive", "managementMode", "registered", "environmentScope", "test",
                "connections", Map.of("test", Map.of("properties", Map.of("hive.metastore.uris", "thrift://127.0.0.1:" + closedPort)))))
                .status()).isEqualTo(201);
        ApiResponse probe = dataAdmin.post("/api/v1/datasources/" + dead + "/connections/test/test", Map.of());
        assertThat(probe.json().path("ok").asBoolean()).isFalse();
        assertThat(probe.json().path("reason").asText()).contains("no Hive Metastore answered at thrift://127.0.0.1:" + closedPort);
        ApiResponse browse = designer.get("/api/v1/datasources/" + dead + "/metastore/test/databases");
        assertThat(browse.status()).isEqualTo(502);
        assertThat(browse.detail()).contains("data source '" + dead + "' (test): no Hive Metastore answered", "check the address");

        ApiResponse hook = dataAdmin.post("/api/v1/datasources", Map.of(
                "name", unique("hivehook"), "kind", "hive", "managementMode", "registered", "environmentScope", "test",
                "connections", Map.of("test", Map.of("properties", Map.of("hive.metastore.uris", metastore.uri(),
                        "hive.metastore.uri.resolver", "org.example.Evil")))));
        assertThat(hook.status()).isEqualTo(400);
        assertThat(hook.detail()).contains("may set only [hive.metastore.uris]");
        ApiResponse stranger = newUser(unique("hnone")).get(metastoreApi() + "/databases");
        assertThat(stranger.status()).isEqualTo(403);
    }

    private String metastoreApi() {
        return "/api/v1/datasources/" + source + "/metastore/test";
    }

    private static Map<String, String> hive(String table, String name) {
        return Map.of("database", "sales", "table", table, "name", name);
    }

    private void publish(String table) {
        ApiResponse asked = designer.post("/api/v1/tables/" + table + "/publish-requests", Map.of("environment", "test", "dataSource", source));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        ApiResponse approved = dataAdmin.post("/api/v1/publish-requests/" + asked.json().path("id").asLong() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
