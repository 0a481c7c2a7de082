package io.sluice.gateway.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A BI user's first minutes with a driver, in a JVM of its own with only the driver jar beside it: connects, runs
 * {@code SELECT 1} ({@code ROW 1}), lists the tables of a database through {@code DatabaseMetaData.getTables}
 * ({@code TABLE <name>} each) and the session's settings ({@code SET <key>=<value>} each), then prints {@code DONE}.
 * A failure prints {@code SQLSTATE <state> <message>} and exits with 2, so a test reads what a user would see.
 *
 * <p>Usage: {@code DriverProbeMain <jdbc url> <user> <password> <environment> <database>}
 */
public final class DriverProbeMain {

    private DriverProbeMain() {}

    public static void main(String[] args) {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                while (rows.next()) {
                    System.out.println("ROW " + rows.getString(1));
                }
            }
            try (ResultSet tables = connection.getMetaData().getTables(args[3], args[4], "%", null)) {
                while (tables.next()) {
                    System.out.println("TABLE " + tables.getString("TABLE_NAME"));
                }
            }
            try (ResultSet settings = statement.executeQuery("SET")) {
                while (settings.next()) {
                    System.out.println("SET " + settings.getString(1) + "=" + settings.getString(2));
                }
            }
        } catch (SQLException e) {
            System.out.println("SQLSTATE " + e.getSQLState() + " " + e.getMessage());
            System.exit(2);
        }
        System.out.println("DONE");
    }
}
