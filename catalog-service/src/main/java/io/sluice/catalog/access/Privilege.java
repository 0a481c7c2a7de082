package io.sluice.catalog.access;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;
import io.sluice.catalog.table.TableType;

/** What a grant lets its holder do to a table. */
public enum Privilege {
    SELECT,
    INSERT,
    UPDATE,
    DELETE;

    /** Kafka topics are logs: records can be read and appended, never updated or deleted in place. */
    public boolean appliesTo(TableType type) {
        return type != TableType.TOPIC || this == SELECT || this == INSERT;
    }

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
