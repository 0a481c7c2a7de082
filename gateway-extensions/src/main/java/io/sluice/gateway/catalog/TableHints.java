package io.sluice.gateway.catalog;

import java.util.Set;

/**
 * What a query may change of a published table with an {@code OPTIONS} hint: how it is read or written, never
 * where from (topic, cluster, table, credentials). Checked while Flink parses a source's hint
 * ({@link ConnectedTableFactory}, so the client's first error is the denial) and by the access check for sink hints.
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
