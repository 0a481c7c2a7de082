package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flink's own JDBC driver (DriverManager, as a BI tool uses it) against the governed gateway. */
class JdbcDriverTest {

    private static GatewayStack stack;

    @BeforeAll
    static void startStack() {
        stack = GatewayStack.get();
    }

    static Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(stack.jdbcUrl(), properties);
    }

    static List<String> firstColumn(Statement statement, String sql) throws SQLException {
        assertThat(statement.execute(sql)).as("%s returns rows", sql).isTrue();
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.getResultSet()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void userLogsInAndSeesOnlyTheEnvironmentCatalogs() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThat(firstColumn(statement, "SHOW CATALOGS")).containsExactlyInAnyOrder("test", "prod");
            assertThat(firstColumn(statement, "SHOW CURRENT CATALOG")).containsExactly("test");
            assertThat(firstColumn(statement, "SHOW DATABASES")).contains("demo_kafka");
            assertThat(firstColumn(statement, "SHOW TABLES IN test.demo_kafka")).contains("orders");
        }
    }

    @Test
    void wrongPasswordIsALoginFailureWithoutServerTrace() {
        assertThatThrownBy(() -> connect(ALICE, "not-her-password"))
                .satisfies(
                        e -> {
                            String reason = rootCause(e).getMessage();
                            assertThat(reason).startsWith("[Login failed: ");
                            assertThat(reason).doesNotContain("\tat ", "Exception on server side");
                        });
    }

    @Test
    void selectOneRoundTrip() throws Exception {
        try (Connection connection = connect(ALICE, ALICE_PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
