package io.sluice.dimtable;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** When an ALL cache reloads: every interval, or daily at a UTC time of day. */
final class ReloadSchedule {

    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final long firstDelayMs;
    private final long periodMs;

    private ReloadSchedule(long firstDelayMs, long periodMs) {
        this.firstDelayMs = firstDelayMs;
        this.periodMs = periodMs;
    }

    /** Null when the table is loaded once and never reloaded. */
    static ReloadSchedule of(CacheConfig config, ZonedDateTime now) {
        if (config.ttl() != null) {
            long interval = config.ttl().toMillis();
            return new ReloadSchedule(interval, interval);
        }
        if (config.reloadAt() != null) {
            return new ReloadSchedule(millisUntil(config.reloadAt(), now), DAY_MS);
        }
        return null;
    }

    static long millisUntil(LocalTime utcTime, ZonedDateTime now) {
        ZonedDateTime utcNow = now.withZoneSameInstant(ZoneOffset.UTC);
        ZonedDateTime next = utcNow.with(utcTime).withNano(0);
        if (!next.isAfter(utcNow)) {
            next = next.plusDays(1);
        }
        return Duration.between(utcNow, next).toMillis();
    }

    long firstDelayMs() {
        return firstDelayMs;
    }

    long periodMs() {
        return periodMs;
    }
}
