package io.sluice.catalog.access;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

/** Who a grant, a blacklist entry or an application is for. */
public enum GranteeType {
    PROJECT,
    USER;

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
