package io.sluice.catalog.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

/** A member's role in a project. */
public enum ProjectRole {
    PROJECT_ADMIN,
    DEVELOPER,
    OPERATOR,
    VIEWER;

    /** Whether the role may design the project's tables and ask for them to be published. */
    public boolean designsTables() {
        return this == PROJECT_ADMIN || this == DEVELOPER;
    }

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
