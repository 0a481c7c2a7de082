package io.sluice.catalog.changes;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

/** What about a table changed in an environment. */
public enum ChangeKind {
    /** A version of the table was published: the environment's catalog changed. */
    PUBLISHED,
    /** Grants, the public flag or the blacklist of the table changed: cached decisions are stale. */
    ACCESS;

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
