package io.sluice.gateway.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * A JDBC application in a JVM of its own (Flink's driver bundle on its classpath, nothing else of ours): logs in,
 * runs the given statements and prints every row of the last one as {@code ROW <column 1>}. Tests kill it mid-query.
 *
 * <p>Usage: {@code JdbcClientMain <jdbc url> <user> <password> <statement>...}
 */
public final class JdbcClientMain {

    private JdbcClientMain() {}

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", args[1]);
        properties.setProperty("password", args[2]);
        try (Connection connection = DriverManager.getConnection(args[0], properties);
                Statement statement = connection.createStatement()) {
            for (int i = 3; i < args.length - 1; i++) {
                statement.execute(args[i]);
            }
            System.out.println("QUERYING");
            try (ResultSet rows = statement.executeQuery(args[args.length - 1])) {
                while (rows.next()) {
                    System.out.println("ROW " + rows.getString(1));
                }
            }
        }
        System.out.println("DONE");
    }
}
