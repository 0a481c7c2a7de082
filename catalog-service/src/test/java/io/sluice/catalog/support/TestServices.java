package io.sluice.catalog.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real services the integration tests talk to, started once per JVM: a fresh PostgreSQL database
 * on the machine's server (dropped at exit), and an in-JVM Kafka broker in KRaft mode.
 */
public final class TestServices {

    public static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String POSTGRES_USER = "postgres";

    private static String databaseUrl;
    private static EmbeddedKafkaKraftBroker kafka;

    private TestServices() {}

    /** A database of its own for this test run, so that runs never see each other's rows. */
    public static synchronized String postgresDatabase() {
        if (databaseUrl == null) {
            String name = "sluice_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("create database " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + name + " with (force)")));
            databaseUrl = POSTGRES_SERVER + name;
        }
        return databaseUrl;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka.getBrokersAsString();
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", POSTGRES_USER, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL on 127.0.0.1:5432 must be running with trust auth for user postgres (" + sql + ")", e);
        }
    }
}
