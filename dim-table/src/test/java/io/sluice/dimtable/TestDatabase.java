package io.sluice.dimtable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The databases running on this machine; tests create uniquely named tables and drop them. */
enum TestDatabase {
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "postgres"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root", "");

    final String url;
    final String user;
    final String password;

    TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The same database reached through another port, e.g. a {@link TcpProxy}. */
    String urlThroughPort(int port) {
        return url.replaceFirst(":\\d+/", ":" + port + "/");
    }

    int port() {
        return this == POSTGRESQL ? 5432 : 3306;
    }

    void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
