package io.sluice.gateway.access;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;

/** Settings of access enforcement, under the endpoint's prefix ({@code sql-gateway.endpoint.sluice.}). */
public final class AccessOptions {

    public static final ConfigOption<Duration> DECISION_STALENESS =
            ConfigOptions.key("access.decision-staleness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "How long an access decision from catalog-service is reused. A revoked grant stops "
                                    + "working, and a new one starts, within this time.");

    public static final ConfigOption<Long> DECISION_CACHE_SIZE =
            ConfigOptions.key("access.decision-cache-size")
                    .longType()
                    .defaultValue(100_000L)
                    .withDescription("Most access decisions kept at once; the least recently used go first.");

    private AccessOptions() {}
}
