package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static io.sluice.gateway.testing.Jdbc.connect;
import static io.sluice.gateway.testing.Jdbc.firstColumn;
import static io.sluice.gateway.testing.Jdbc.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flink's own JDBC driver (DriverManager, as a BI tool uses it) logging in to the governed gateway. */
class JdbcDriverTest {

    @BeforeAll
    static void startStack() {
        GatewayStack.withFreeSlots();
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
                            assertThat(reason(e)).startsWith("[Login failed: ");
                            assertThat(reason(e)).doesNotContain("\tat ", "Exception on server side");
                        });
    }

    @Test
    void tokenPropertyLogsIn() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("token", GatewayStack.get().issueToken(ALICE, ALICE_PASSWORD));
        try (Connection connection = DriverManager.getConnection(GatewayStack.get().jdbcUrl(), properties);
                Statement statement = connection.createStatement()) {
            assertThat(firstColumn(statement, "SHOW CURRENT CATALOG")).containsExactly("test");
            assertThat(String.join("\n", firstColumn(statement, "SET"))).doesNotContain(properties.getProperty("token"));
        }
    }

    @Test
    void missingPasswordIsALoginFailure() {
        Properties properties = new Properties();
        properties.setProperty("user", ALICE);
        assertThatThrownBy(() -> DriverManager.getConnection(GatewayStack.get().jdbcUrl(), properties))
                .satisfies(
                        e -> assertThat(reason(e))
                                .isEqualTo("[Login failed: user 'alice' came without a password; set the 'password' property.]"));
    }

    @Test
    void noCredentialsIsALoginFailure() {
        assertThatThrownBy(() -> DriverManager.getConnection(GatewayStack.get().jdbcUrl(), new Properties()))
                .satisfies(e -> assertThat(reason(e)).startsWith("[Login failed: no credentials."));
    }

    @Test
    void projectPropertyPicksTheSessionsProject() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", ALICE);
        properties.setProperty("password", ALICE_PASSWORD);
        properties.setProperty("project", "demo");
        try (Connection connection = DriverManager.getConnection(GatewayStack.get().jdbcUrl(), properties)) {
            assertThat(connection.isClosed()).isFalse();
        }
        properties.setProperty("project", "other");
        assertThatThrownBy(() -> DriverManager.getConnection(GatewayStack.get().jdbcUrl(), properties))
                .satisfies(
                        e -> assertThat(reason(e))
                                .isEqualTo("[Access denied: alice is not a member of project 'other'; "
                                        + "ask one of its project admins to add you]"));
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
}
