package io.sluice.catalog.quota;

/**
 * A project's own quota values as stored; a null value means the platform default ({@link QuotaDefaults}).
 */
public record QuotaSettings(Integer maxParallelism, Integer maxTaskSlots, Integer maxSessionsPerUser) {

    public static final QuotaSettings DEFAULTS = new QuotaSettings(null, null, null);
}
