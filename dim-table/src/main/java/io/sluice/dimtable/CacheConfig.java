package io.sluice.dimtable;

import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import static io.sluice.dimtable.DimTableOptions.CACHE;
import static io.sluice.dimtable.DimTableOptions.CACHE_EMPTY;
import static io.sluice.dimtable.DimTableOptions.CACHE_MAX_BYTES;
import static io.sluice.dimtable.DimTableOptions.CACHE_MAX_ROWS;
import static io.sluice.dimtable.DimTableOptions.CACHE_RELOAD_AT;
import static io.sluice.dimtable.DimTableOptions.CACHE_SIZE;
import static io.sluice.dimtable.DimTableOptions.CACHE_TTL_MS;

/**
 * Validated cache settings of one dimension table. Built from table options at planning time, or
 * by code (see {@link CatalogDimTable}) and turned back into options.
 */
public final class CacheConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final CacheKind kind;
    private final long size;
    private final Duration ttl;
    private final LocalTime reloadAt;
    private final boolean cacheEmpty;
    private final long maxRows;
    private final long maxBytes;

    private CacheConfig(
            CacheKind kind,
            long size,
            Duration ttl,
            LocalTime reloadAt,
            boolean cacheEmpty,
            long maxRows,
            long maxBytes) {
        this.kind = kind;
        this.size = size;
        this.ttl = ttl;
        this.reloadAt = reloadAt;
        this.cacheEmpty = cacheEmpty;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    /** Every lookup reads the source. */
    public static CacheConfig none() {
        return new CacheConfig(CacheKind.NONE, 0, null, null, true, 0, 0);
    }

    /** Keeps at most {@code size} keys; each is read again after {@code ttl} (null: never). */
    public static CacheConfig lru(long size, Duration ttl) {
        return new CacheConfig(
                CacheKind.LRU, size, ttl, null, true, CACHE_MAX_ROWS.defaultValue(), CACHE_MAX_BYTES.defaultValue());
    }

    /** Keeps the whole table, reloaded every {@code reloadInterval} (null: loaded once). */
    public static CacheConfig all(Duration reloadInterval) {
        return new CacheConfig(
                CacheKind.ALL, 0, reloadInterval, null, true, CACHE_MAX_ROWS.defaultValue(), CACHE_MAX_BYTES.defaultValue());
    }

    /** Keeps the whole table, reloaded daily at {@code utcTime}. */
    public static CacheConfig allReloadedDailyAt(LocalTime utcTime) {
        return new CacheConfig(
                CacheKind.ALL, 0, null, utcTime, true, CACHE_MAX_ROWS.defaultValue(), CACHE_MAX_BYTES.defaultValue());
    }

    public CacheConfig withCacheEmpty(boolean cacheMissingKeys) {
        return new CacheConfig(kind, size, ttl, reloadAt, cacheMissingKeys, maxRows, maxBytes);
    }

    public CacheConfig withLimits(long maxRows, long maxBytes) {
        return new CacheConfig(kind, size, ttl, reloadAt, cacheEmpty, maxRows, maxBytes);
    }

    static CacheConfig from(ReadableConfig options) {
        CacheKind kind = CacheKind.parse(options.get(CACHE));
        Long ttlMs = options.get(CACHE_TTL_MS);
        if (ttlMs != null && ttlMs <= 0) {
            throw invalid(CACHE_TTL_MS.key(), ttlMs, "must be a positive number of milliseconds");
        }
        long size = 0;
        if (kind == CacheKind.LRU) {
            Long configured = options.get(CACHE_SIZE);
            if (configured == null) {
                throw new ValidationException(
                        String.format(
                                "Option '%s' is required when '%s' = 'LRU': set the maximum number of cached keys, e.g. '%s' = '100000'.",
                                CACHE_SIZE.key(), CACHE.key(), CACHE_SIZE.key()));
            }
            if (configured <= 0) {
                throw invalid(CACHE_SIZE.key(), configured, "must be a positive number of keys");
            }
            size = configured;
        }
        LocalTime reloadAt = parseReloadAt(options.get(CACHE_RELOAD_AT));
        if (reloadAt != null && ttlMs != null) {
            throw new ValidationException(
                    String.format(
                            "Options '%s' and '%s' both set: for cache = 'ALL' reload either every '%s' milliseconds or daily at '%s', not both.",
                            CACHE_TTL_MS.key(), CACHE_RELOAD_AT.key(), CACHE_TTL_MS.key(), CACHE_RELOAD_AT.key()));
        }
        if (reloadAt != null && kind != CacheKind.ALL) {
            throw new ValidationException(
                    String.format("Option '%s' only applies to '%s' = 'ALL'.", CACHE_RELOAD_AT.key(), CACHE.key()));
        }
        long maxRows = options.get(CACHE_MAX_ROWS);
        if (maxRows <= 0) {
            throw invalid(CACHE_MAX_ROWS.key(), maxRows, "must be positive");
        }
        long maxBytes = options.get(CACHE_MAX_BYTES);
        if (maxBytes <= 0) {
            throw invalid(CACHE_MAX_BYTES.key(), maxBytes, "must be positive");
        }
        Duration ttl = ttlMs == null ? null : Duration.ofMillis(ttlMs);
        return new CacheConfig(kind, size, ttl, reloadAt, options.get(CACHE_EMPTY), maxRows, maxBytes);
    }

    private static LocalTime parseReloadAt(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(
                    String.format(
                            "Invalid value '%s' for option '%s': use a UTC time of day 'HH:mm', e.g. '03:30'.",
                            value, CACHE_RELOAD_AT.key()));
        }
    }

    private static ValidationException invalid(String key, Object value, String rule) {
        return new ValidationException(String.format("Invalid value '%s' for option '%s': %s.", value, key, rule));
    }

    Map<String, String> toOptions() {
        Map<String, String> options = new HashMap<>();
        options.put(CACHE.key(), kind.name());
        if (kind == CacheKind.LRU) {
            options.put(CACHE_SIZE.key(), Long.toString(size));
        }
        if (ttl != null) {
            options.put(CACHE_TTL_MS.key(), Long.toString(ttl.toMillis()));
        }
        if (reloadAt != null) {
            options.put(CACHE_RELOAD_AT.key(), reloadAt.toString());
        }
        options.put(CACHE_EMPTY.key(), Boolean.toString(cacheEmpty));
        if (kind == CacheKind.ALL) {
            options.put(CACHE_MAX_ROWS.key(), Long.toString(maxRows));
            options.put(CACHE_MAX_BYTES.key(), Long.toString(maxBytes));
        }
        return options;
    }

    CacheKind kind() {
        return kind;
    }

    long size() {
        return size;
    }

    /** LRU: time after write until a key is read again; ALL: reload interval. Null when unset. */
    Duration ttl() {
        return ttl;
    }

    LocalTime reloadAt() {
        return reloadAt;
    }

    boolean cacheEmpty() {
        return cacheEmpty;
    }

    long maxRows() {
        return maxRows;
    }

    long maxBytes() {
        return maxBytes;
    }
}
