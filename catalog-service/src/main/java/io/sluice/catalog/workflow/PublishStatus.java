package io.sluice.catalog.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

public enum PublishStatus {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
