package io.sluice.catalog.quota;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The quota of every project that was not given values of its own ({@code sluice.quota.*}). Size them to the Flink
 * cluster the gateways share: a project with the default slot quota should leave room for the others.
 *
 * @param maxParallelism highest parallelism of one statement
 * @param maxTaskSlots task slots a project's running jobs may hold together
 * @param maxSessionsPerUser open gateway sessions per user and project
 */
@ConfigurationProperties("sluice.quota")
public record QuotaDefaults(
        @DefaultValue("4") int maxParallelism,
        @DefaultValue("8") int maxTaskSlots,
        @DefaultValue("20") int maxSessionsPerUser) {

    public QuotaDefaults {
        QuotaRules.requireValid("sluice.quota.max-parallelism", maxParallelism);
        QuotaRules.requireValid("sluice.quota.max-task-slots", maxTaskSlots);
        QuotaRules.requireValid("sluice.quota.max-sessions-per-user", maxSessionsPerUser);
    }
}
