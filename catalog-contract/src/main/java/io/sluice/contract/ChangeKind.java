package io.sluice.contract;

import java.util.Locale;

/**
 * What a {@link ChangeEvent} is about: in an environment, a table, a data source's connection or a project's
 * function; or a project's quota. On the wire a kind is spelled in lower case ({@code published}).
 */
public enum ChangeKind {
    /**
     * A version of the table was published, or the details its catalog shows (display name, description, partitions,
     * retention) changed: the environment's catalog changed.
     */
    PUBLISHED,
    /** Grants, the public flag or the blacklist of the table changed: cached decisions are stale. */
    ACCESS,
    /** The data source's connection (address, user, secrets) changed: cached connections are stale. */
    CONNECTION,
    /** A project's quota changed (names the project, no environment): cached quotas are stale. */
    QUOTA,
    /** Another version of a project's function is active in the environment: sessions opened later use it. */
    FUNCTION;

    /** The kind as the feed spells it. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
