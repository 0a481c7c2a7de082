package io.sluice.bench.catalogread;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A PostgreSQL database of the benchmark's own on the local server, dropped on close. Every statement run in it is
 * written to the server's log with its duration ({@code log_statement = all}, {@code log_min_duration_statement = 0},
 * set for this database only), which is how {@link StatementLog} counts the statements a request costs and the time
 * the server spent on them.
 */
public final class ThrowawayDatabase implements AutoCloseable {

    final String name = "sluice_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String url;
    final String user;
    final String password;
    private final String server;

    /** @param server the server's JDBC URL without a database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/} */
    public ThrowawayDatabase(String server, String user, String password) throws SQLException {
        this.server = server;
        this.user = user;
        this.password = password;
        execute("create database " + name);
        execute("alter database " + name + " set log_statement = 'all'");
        execute("alter database " + name + " set log_min_duration_statement = 0");
        this.url = server + name;
    }

    /**
     * Gathers the planner's statistics, as autovacuum does after a table grows (it is off on some test servers, and
     * a catalog query planned for an empty table reads 10,000 tables by nested index lookups).
     */
    void analyze() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }

    /** The server processes of this database's connections that the application of that name holds. */
    Set<Integer> backends(String applicationName) throws SQLException {
        Set<Integer> pids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
                PreparedStatement query = connection.prepareStatement(
                        "select pid from pg_stat_activity where datname = ? and application_name = ?")) {
            query.setString(1, name);
            query.setString(2, applicationName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
        }
        return pids;
    }

    @Override
    public void close() throws SQLException {
        execute("drop database if exists " + name + " with (force)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
