package io.sluice.dimtable;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.RowType;

import java.util.Locale;

import static io.sluice.dimtable.DimTableOptions.CONNECT_TIMEOUT_MS;
import static io.sluice.dimtable.DimTableOptions.DB_NUM;
import static io.sluice.dimtable.DimTableOptions.HOST;
import static io.sluice.dimtable.DimTableOptions.KEY_PREFIX;
import static io.sluice.dimtable.DimTableOptions.KEY_SEPARATOR;
import static io.sluice.dimtable.DimTableOptions.PASSWORD;
import static io.sluice.dimtable.DimTableOptions.PORT;
import static io.sluice.dimtable.DimTableOptions.TABLE_NAME;
import static io.sluice.dimtable.DimTableOptions.TYPE;
import static io.sluice.dimtable.DimTableOptions.URL;
import static io.sluice.dimtable.DimTableOptions.USER_NAME;
import static io.sluice.dimtable.DimTableOptions.VALUE_FORMAT;

/** The {@code type} option: which kind of store holds the dimension rows. */
enum SourceType {
    JDBC {
        @Override
        void validate(ReadableConfig options, RowType rowType) {
            require(options, URL);
            require(options, TABLE_NAME);
            JdbcDialect.of(options.get(URL));
            for (int i = 0; i < rowType.getFieldCount(); i++) {
                JdbcFieldCodec.of(rowType.getFieldNames().get(i), rowType.getTypeAt(i));
            }
        }

        @Override
        DimSource create(ReadableConfig options, RowType rowType, int[] keyIndices) {
            return new JdbcDimSource(
                    options.get(URL),
                    options.get(TABLE_NAME),
                    options.get(USER_NAME),
                    options.get(PASSWORD),
                    options.get(CONNECT_TIMEOUT_MS),
                    rowType,
                    keyIndices);
        }
    },
    REDIS {
        @Override
        void validate(ReadableConfig options, RowType rowType) {
            require(options, HOST);
            RedisValueFormat.parse(options.get(VALUE_FORMAT));
            if (options.get(KEY_SEPARATOR).isEmpty()) {
                throw new ValidationException(String.format("Option '%s' must not be empty.", KEY_SEPARATOR.key()));
            }
        }

        @Override
        DimSource create(ReadableConfig options, RowType rowType, int[] keyIndices) {
            return new RedisDimSource(
                    options.get(HOST),
                    options.get(PORT),
                    options.get(DB_NUM),
                    options.get(USER_NAME),
                    options.get(PASSWORD),
                    options.get(CONNECT_TIMEOUT_MS),
                    options.get(KEY_PREFIX),
                    options.get(KEY_SEPARATOR),
                    RedisValueFormat.parse(options.get(VALUE_FORMAT)),
                    rowType,
                    keyIndices);
        }
    };

    static SourceType parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    String.format("Unsupported value '%s' for option '%s'. Use 'jdbc' or 'redis'.", value, TYPE.key()));
        }
    }

    /** Fails at planning time when an option this type needs is missing or wrong. */
    abstract void validate(ReadableConfig options, RowType rowType);

    /** The source, reading the lookup key columns at {@code keyIndices}. */
    abstract DimSource create(ReadableConfig options, RowType rowType, int[] keyIndices);

    private static void require(ReadableConfig options, ConfigOption<String> option) {
        if (options.get(option) == null) {
            throw new ValidationException(
                    String.format(
                            "Option '%s' is required for '%s' = '%s'.",
                            option.key(), TYPE.key(), options.get(TYPE).toLowerCase(Locale.ROOT)));
        }
    }
}
