package io.sluice.catalog.table;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

/** How a topic's records are encoded. */
public enum TopicFormat {
    JSON,
    CSV;

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
