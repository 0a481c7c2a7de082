package io.sluice.catalog.changes;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

/** What changed in an environment: about a table, or a data source's connection. */
public enum ChangeKind {
    /**
     * A version of the table was published, or the details its catalog shows (display name, description, partitions,
     * retention) changed: the environment's catalog changed.
     */
    PUBLISHED,
    /** Grants, the public flag or the blacklist of the table changed: cached decisions are stale. */
    ACCESS,
    /** The data source's connection (address, user, secrets) changed: cached connections are stale. */
    CONNECTION;

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
