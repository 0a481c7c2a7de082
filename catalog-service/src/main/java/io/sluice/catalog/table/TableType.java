package io.sluice.catalog.table;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

/** A table is a Kafka {@code topic} or a {@code table} in a database. */
public enum TableType {
    TOPIC,
    TABLE;

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
