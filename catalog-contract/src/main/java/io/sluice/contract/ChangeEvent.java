package io.sluice.contract;

import java.time.Instant;

/**
 * One change, as {@code GET /api/v1/changes} serves them, oldest first. Ids grow in the order the changes
 * committed, so a reader that polls with the last id it saw misses none: an event gets its id as its
 * transaction commits, not when the change began.
 *
 * @param id the event's place in the feed
 * @param at when it committed
 * @param kind what changed; null when this reader does not know the kind (a newer catalog-service)
 * @param environment where (null for a quota)
 * @param table the table, for kinds {@code published} and {@code access}
 * @param dataSource the data source, for kind {@code connection}
 * @param project the project, for kinds {@code quota} and {@code function}
 * @param function the function, for kind {@code function}
 */
public record ChangeEvent(
        long id,
        Instant at,
        ChangeKind kind,
        String environment,
        String table,
        String dataSource,
        String project,
        String function) {}
