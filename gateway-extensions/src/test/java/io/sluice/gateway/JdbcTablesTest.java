package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL table registered in catalog-service (the machine's PostgreSQL on 127.0.0.1:5432), read and written
 * with the JDBC driver through the environment catalog as a {@code jdbc} table; its URL and password never show.
 */
class JdbcTablesTest {

    private static final String PG_URL = System.getProperty("sluice.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("sluice.test.pg.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("sluice.test.pg.password", "postgres");
    private static final String TABLE = "gw_customers";

    private static GatewayStack stack;

    @BeforeAll
    static void registerPostgresTable() throws Exception {
        stack = GatewayStack.withFreeSlots();
        try (Connection pg = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement statement = pg.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO " + TABLE + " VALUES (1, 'ada'), (2, 'bo')");
        }
        stack.catalogService(
                "POST", "/api/v1/datasources", GatewayStack.DANA, GatewayStack.DANA_PASSWORD,
                "{\"name\":\"demo_pg\",\"kind\":\"postgresql\",\"managementMode\":\"registered\","
                        + "\"environmentScope\":\"test\",\"description\":\"the machine's PostgreSQL\","
                        + "\"connections\":{\"test\":{\"properties\":{\"url\":\"" + PG_URL + "\",\"username\":\""
                        + PG_USER + "\"},\"secrets\":{\"password\":\"" + PG_PASSWORD + "\"}}}}");
        stack.publishTable(
                TABLE,
                "demo_pg",
                "[{\"name\":\"id\",\"type\":\"BIGINT NOT NULL\",\"comment\":\"customer number\"},"
                        + "{\"name\":\"name\",\"type\":\"STRING\",\"comment\":\"customer name\"}]",
                "[\"id\"]");
    }

    @Test
    void readsAndWritesThePostgresTableWithoutShowingItsConnection() throws Exception {
        String table = "test.demo_pg." + TABLE;
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            String ddl = String.join("\n", firstColumn(statement, "SHOW CREATE TABLE " + table));
            assertThat(ddl)
                    .contains("'connector' = 'jdbc'", "'table-name' = '" + TABLE + "'", "PRIMARY KEY (`id`) NOT ENFORCED")
                    .doesNotContain(PG_URL, "password", "username");

            statement.execute("INSERT INTO " + table + " VALUES (3, 'cy')");
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT id, name FROM " + table)) {
                while (result.next()) {
                    rows.add(result.getLong(1) + " " + result.getString(2));
                }
            }
            assertThat(rows).containsExactlyInAnyOrder("1 ada", "2 bo", "3 cy");
        }
    }
}
