package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;
import io.sluice.hive.testserver.MetastoreServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static io.sluice.gateway.testing.Jdbc.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A table imported into catalog-service from a real Hive Metastore (a child JVM, Derby in memory) and published to
 * test: the governed session describes it with its schema and partition keys, and a query on it fails at planning
 * saying why (Flink's Hive connector has no 2.x release on Maven Central).
 */
class HiveTablesTest {

    private static final String SOURCE = "gw_hive";
    private static final String TABLE = "gw_hive_orders";

    private static MetastoreServer metastore;
    private static GatewayStack stack;

    @BeforeAll
    static void importHiveTable() {
        stack = GatewayStack.get();
        metastore = MetastoreServer.start();
        metastore.seed("database\tgw",
                "table\tgw\torders\tid=bigint=order number|amount=decimal(10,2)|lines=array<struct<sku:string,qty:int>>\tdt=string");
        stack.catalogService("POST", "/api/v1/datasources", GatewayStack.DANA, GatewayStack.DANA_PASSWORD,
                "{\"name\":\"" + SOURCE + "\",\"kind\":\"hive\",\"managementMode\":\"registered\",\"environmentScope\":\"test\","
                        + "\"connections\":{\"test\":{\"properties\":{\"hive.metastore.uris\":\"" + metastore.uri() + "\"}}}}");
        stack.catalogService("POST", "/api/v1/datasources/" + SOURCE + "/metastore/test/imports", ALICE, ALICE_PASSWORD,
                "{\"ownerProject\":\"demo\",\"tables\":[{\"database\":\"gw\",\"table\":\"orders\",\"name\":\"" + TABLE + "\"}]}");
        stack.publishToTest(TABLE, SOURCE);
    }

    @AfterAll
    static void stopMetastore() {
        if (metastore != null) {
            metastore.close();
        }
    }

    @Test
    void aHiveTableIsDescribedButAQueryOnItSaysWhyItCannotBeRead() throws Exception {
        String table = "test." + SOURCE + "." + TABLE;
        try (Connection connection = connect(ALICE, ALICE_PASSWORD); Statement statement = connection.createStatement()) {
            assertThat(firstColumn(statement, "DESCRIBE " + table)).containsExactly("id", "amount", "lines", "dt");
            assertThat(String.join("\n", firstColumn(statement, "SHOW CREATE TABLE " + table)))
                    .contains("PARTITIONED BY (`dt`)", "ARRAY<ROW<`sku` VARCHAR(2147483647), `qty` INT>>", "'connector' = 'sluice-unsupported-hive'")
                    .doesNotContain(metastore.uri());
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + table))
                    .satisfies(failure -> assertThat(reason(failure))
                            .contains(table + " is a Hive table", "no release for Flink 2.x on Maven Central"));
        }
    }
}
