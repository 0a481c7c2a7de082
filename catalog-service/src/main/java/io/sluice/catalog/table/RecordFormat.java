package io.sluice.catalog.table;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

/**
 * How a table's records are encoded: a topic's as {@code json} or {@code csv}; a Redis table's rows as a JSON string
 * per key ({@code json}, the default) or a hash per key ({@code hash}).
 */
public enum RecordFormat {
    JSON,
    CSV,
    HASH;

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
