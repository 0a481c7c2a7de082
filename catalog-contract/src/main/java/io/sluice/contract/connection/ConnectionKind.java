package io.sluice.contract.connection;

import java.util.List;
import java.util.Locale;

/**
 * The systems a data source can be, with the connection properties each needs and the secret settings each
 * understands. Secret settings (passwords, JAAS configs) are never properties: they go under a connection's secrets.
 */
public enum ConnectionKind {
    KAFKA(List.of("bootstrap.servers"), List.of("sasl.jaas.config")),
    MYSQL(List.of("url", "username"), List.of("password")),
    POSTGRESQL(List.of("url", "username"), List.of("password")),
    HIVE(List.of("hive.metastore.uris"), List.of()),
    ELASTICSEARCH(List.of("hosts"), List.of("password")),
    REDIS(List.of("host", "port"), List.of("password")),
    HBASE(List.of("hbase.zookeeper.quorum"), List.of()),
    JDBC(List.of("url", "username"), List.of("password"));

    private final List<String> requiredProperties;
    private final List<String> secretKeys;

    ConnectionKind(List<String> requiredProperties, List<String> secretKeys) {
        this.requiredProperties = requiredProperties;
        this.secretKeys = secretKeys;
    }

    /** The kind a connection names, e.g. {@code postgresql}; refused naming the field {@code kind} when it is none. */
    public static ConnectionKind of(String spelling) {
        for (ConnectionKind kind : values()) {
            if (kind.spelling().equals(spelling)) {
                return kind;
            }
        }
        // the given text is not echoed: it may be anything
        throw new ConnectionRefused("kind", "the kind of a connection must be one of "
                + java.util.Arrays.stream(values()).map(ConnectionKind::spelling).toList());
    }

    public List<String> requiredProperties() {
        return requiredProperties;
    }

    public List<String> secretKeys() {
        return secretKeys;
    }

    public boolean isJdbc() {
        return this == MYSQL || this == POSTGRESQL || this == JDBC;
    }

    /** As users write it: {@code kafka}, {@code postgresql}, … */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
