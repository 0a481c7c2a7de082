package io.sluice.dimtable;

import org.apache.flink.table.api.ValidationException;

import java.util.Arrays;
import java.util.Locale;

/** How a row is stored under its Redis key. */
enum RedisValueFormat {
    /** A string value holding a JSON object, one field per column. */
    JSON,
    /** A hash, one hash field per column. */
    HASH;

    static RedisValueFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    String.format(
                            "Unsupported value '%s' for option '%s'. Use one of %s.",
                            value,
                            DimTableOptions.VALUE_FORMAT.key(),
                            Arrays.toString(values()).toLowerCase(Locale.ROOT)));
        }
    }
}
