package io.sluice.bench.dimtable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL dimension table every variant joins: id 0..keys-1, name, category, price. */
final class BenchDatabase {

    static final String URL = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("bench.pg.user", "postgres");
    static final String PASSWORD = System.getProperty("bench.pg.password", "postgres");

    static void create(String table, int keys) throws SQLException {
        execute(
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(40), category INT, price DECIMAL(10, 2))",
                "INSERT INTO " + table + " SELECT g, 'customer-' || g, g % 97, (g % 1000) / 10.0 FROM generate_series(0, " + (keys - 1) + ") g",
                "ANALYZE " + table);
    }

    static void drop(String table) throws SQLException {
        execute("DROP TABLE IF EXISTS " + table);
    }

    /**
     * Statements that read the table (index scans for key lookups, sequential scans for full
     * loads), from PostgreSQL's statistics. They are flushed when a backend goes idle or exits,
     * so read them a moment after the job's connections closed.
     */
    static long reads(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet resultSet =
                        statement.executeQuery(
                                "SELECT coalesce(idx_scan, 0) + coalesce(seq_scan, 0) FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private BenchDatabase() {}
}
