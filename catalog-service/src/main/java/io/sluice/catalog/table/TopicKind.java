package io.sluice.catalog.table;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

/** {@code append}: every record is a new fact; {@code upsert}: a record replaces the one with the same primary key. */
public enum TopicKind {
    APPEND,
    UPSERT;

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
