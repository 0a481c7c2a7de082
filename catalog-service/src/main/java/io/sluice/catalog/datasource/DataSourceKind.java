package io.sluice.catalog.datasource;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;
import java.util.List;

/**
 * The systems a data source can be, with the connection properties each needs. Secret settings
 * (passwords, JAAS configs) are never properties: they go under a connection's secrets.
 */
public enum DataSourceKind {
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

    DataSourceKind(List<String> requiredProperties, List<String> secretKeys) {
        this.requiredProperties = requiredProperties;
        this.secretKeys = secretKeys;
    }

    public List<String> requiredProperties() {
        return requiredProperties;
    }

    /** The secret settings this kind understands. */
    public List<String> secretKeys() {
        return secretKeys;
    }

    /** Whether tables of this source are Kafka topics (otherwise they are database tables or indices). */
    public boolean holdsTopics() {
        return this == KAFKA;
    }

    public boolean isJdbc() {
        return this == MYSQL || this == POSTGRESQL || this == JDBC;
    }

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
