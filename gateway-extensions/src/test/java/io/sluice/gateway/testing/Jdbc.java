package io.sluice.gateway.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flink JDBC driver as an application uses it: DriverManager, a URL, user and password. */
public final class Jdbc {

    private Jdbc() {}

    public static Connection connect(String user, String password) throws SQLException {
        return connect(GatewayStack.get().jdbcUrl(), user, password);
    }

    /** A connection to the gateway at {@code jdbcUrl}. */
    public static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** Runs a statement that returns rows (SHOW, DESCRIBE, … which executeQuery refuses) and reads column 1. */
    public static List<String> firstColumn(Statement statement, String sql) throws SQLException {
        assertThat(statement.execute(sql)).as("%s returns rows", sql).isTrue();
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.getResultSet()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** What a client finally shows of a failure: the server's message, as the driver's innermost cause. */
    public static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
