package io.sluice.catalog.access;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

public enum ApplicationStatus {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    public boolean ended() {
        return this != PENDING;
    }

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
