package io.sluice.gateway.catalog;

import java.util.Set;

/**
 * What a query may change of a published table with an {@code OPTIONS} hint: how it is read or written, never
 * where from (topic, cluster, table, credentials). Checked when a statement arrives ({@code SessionPolicy}, so the
 * client's first error is the denial) and again at planning ({@link ConnectedTableFactory}).
 */
public final class TableHints {

    public static final Set<String> ALLOWED_KEYS =
            Set.of(
                    "scan.startup.mode",
                    "scan.startup.timestamp-millis",
                    "scan.startup.specific-offsets",
                    "scan.bounded.mode",
                    "scan.bounded.timestamp-millis",
                    "scan.bounded.specific-offsets",
                    "scan.topic-partition-discovery.interval",
                    "scan.parallelism",
                    "sink.parallelism",
                    "sink.buffer-flush.max-rows",
                    "sink.buffer-flush.interval",
                    "scan.fetch-size",
                    "properties.group.id");

    private TableHints() {}
}
