package io.sluice.catalog.datasource;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;
import io.sluice.contract.connection.ConnectionKind;

/**
 * The systems a data source can be, as the API spells them. What a connection of each kind must and may hold is
 * {@link ConnectionKind}'s, shared with the SQL gateway: each constant here is one there of the same name.
 */
public enum DataSourceKind {
    KAFKA,
    MYSQL,
    POSTGRESQL,
    HIVE,
    ELASTICSEARCH,
    REDIS,
    HBASE,
    JDBC;

    public ConnectionKind connectionKind() {
        return ConnectionKind.valueOf(name());
    }

    /** Whether tables of this source are Kafka topics (otherwise they are database tables or indices). */
    public boolean holdsTopics() {
        return this == KAFKA;
    }

    public boolean isJdbc() {
        return connectionKind().isJdbc();
    }

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
