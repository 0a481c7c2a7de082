package io.sluice.dimtable;

import org.apache.flink.table.api.ValidationException;

import java.util.Arrays;
import java.util.Locale;

/** How much of the dimension table is kept in memory. */
public enum CacheKind {
    /** The whole table, reloaded and swapped atomically. */
    ALL,
    /** Recently used keys, bounded in count and optionally in age. */
    LRU,
    /** Nothing: every lookup reads the source. */
    NONE;

    static CacheKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    String.format(
                            "Unsupported value '%s' for option '%s'. Use one of %s.",
                            value, DimTableOptions.CACHE.key(), Arrays.toString(values())));
        }
    }
}
