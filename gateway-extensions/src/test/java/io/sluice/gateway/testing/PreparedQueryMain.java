package io.sluice.gateway.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * A JDBC application in a JVM of its own with only a driver jar beside it: prepares a statement, binds every
 * {@code ?} as a string and prints each row as {@code ROW <column 1> | <column 2> …}. SQLLine binds no parameters,
 * so this is the prepared statement a tool would send.
 *
 * <p>Usage: {@code PreparedQueryMain <jdbc url> <user> <password> <statement> <parameter>...}
 */
public final class PreparedQueryMain {

    private PreparedQueryMain() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
                PreparedStatement statement = connection.prepareStatement(args[3])) {
            for (int i = 4; i < args.length; i++) {
                statement.setString(i - 3, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    StringBuilder line = new StringBuilder("ROW");
                    for (int c = 1; c <= columns; c++) {
                        line.append(c == 1 ? " " : " | ").append(rows.getString(c));
                    }
                    System.out.println(line);
                }
            }
        }
    }
}
