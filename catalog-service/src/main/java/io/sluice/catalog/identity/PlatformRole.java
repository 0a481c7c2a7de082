package io.sluice.catalog.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

/** Roles that hold across projects. */
public enum PlatformRole {
    /** Approves publish requests and grants; manages data sources. */
    DATA_ADMIN,
    /** Manages users and projects. */
    SYSTEM_ADMIN,
    /** The SQL gateway's service account: may read connection secrets to plan statements. */
    GATEWAY;

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
