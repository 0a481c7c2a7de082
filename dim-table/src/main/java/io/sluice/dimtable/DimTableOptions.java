package io.sluice.dimtable;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * Every option of the {@code dim} connector. Keys follow the names stream-platform users already
 * know from dimension tables ({@code cache}, {@code cacheSize}, {@code cacheTTLms}, ...).
 */
public final class DimTableOptions {

    public static final ConfigOption<String> TYPE =
            ConfigOptions.key("type")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Where the dimension rows live: 'jdbc' (MySQL, MariaDB, PostgreSQL) or 'redis'.");

    public static final ConfigOption<String> URL =
            ConfigOptions.key("url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("JDBC URL, e.g. 'jdbc:postgresql://db:5432/shop' or 'jdbc:mariadb://db:3306/shop'.");

    public static final ConfigOption<String> TABLE_NAME =
            ConfigOptions.key("tableName")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("JDBC: the table to read, optionally schema-qualified ('public.customers').");

    public static final ConfigOption<String> USER_NAME =
            ConfigOptions.key("userName")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("User to connect as (JDBC; Redis ACL user).");

    public static final ConfigOption<String> PASSWORD =
            ConfigOptions.key("password")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Password to connect with (JDBC and Redis).");

    public static final ConfigOption<String> HOST =
            ConfigOptions.key("host")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Redis host.");

    public static final ConfigOption<Integer> PORT =
            ConfigOptions.key("port").intType().defaultValue(6379).withDescription("Redis port.");

    public static final ConfigOption<Integer> DB_NUM =
            ConfigOptions.key("dbNum").intType().defaultValue(0).withDescription("Redis database number.");

    public static final ConfigOption<String> KEY_PREFIX =
            ConfigOptions.key("keyPrefix")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Redis: prefix of every key of this table, e.g. 'customer:'. The Redis key is "
                                    + "keyPrefix followed by the key column values joined by keySeparator.");

    public static final ConfigOption<String> KEY_SEPARATOR =
            ConfigOptions.key("keySeparator")
                    .stringType()
                    .defaultValue(":")
                    .withDescription("Redis: separator between the values of a composite key.");

    public static final ConfigOption<String> VALUE_FORMAT =
            ConfigOptions.key("valueFormat")
                    .stringType()
                    .defaultValue("json")
                    .withDescription(
                            "Redis: 'json' (a string value holding a JSON object, one field per column) or "
                                    + "'hash' (a hash, one hash field per column).");

    public static final ConfigOption<String> KEY_COLUMNS =
            ConfigOptions.key("keyColumns")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Comma-separated columns that identify a row; defaults to the PRIMARY KEY. "
                                    + "Required for Redis (they make up the Redis key). When set, a lookup "
                                    + "join must use exactly these columns.");

    public static final ConfigOption<String> CACHE =
            ConfigOptions.key("cache")
                    .stringType()
                    .defaultValue("NONE")
                    .withDescription(
                            "'ALL': whole table in memory, reloaded atomically; 'LRU': recently used keys, "
                                    + "bounded by cacheSize, expiring after cacheTTLms; 'NONE': every lookup "
                                    + "reads the source.");

    public static final ConfigOption<Long> CACHE_SIZE =
            ConfigOptions.key("cacheSize")
                    .longType()
                    .noDefaultValue()
                    .withDescription("LRU: maximum number of keys kept (required with cache = 'LRU').");

    public static final ConfigOption<Long> CACHE_TTL_MS =
            ConfigOptions.key("cacheTTLms")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "LRU: milliseconds after which a cached key is read again from the source "
                                    + "(unset: only evicted by size). ALL: reload interval in milliseconds "
                                    + "(unset and no cacheReloadAt: loaded once).");

    public static final ConfigOption<String> CACHE_RELOAD_AT =
            ConfigOptions.key("cacheReloadAt")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("ALL: reload the table once a day at this UTC time of day, 'HH:mm'.");

    public static final ConfigOption<Boolean> CACHE_EMPTY =
            ConfigOptions.key("cacheEmpty")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("LRU: also cache keys the source does not have, so they are not read again until they expire.");

    public static final ConfigOption<Long> CACHE_MAX_ROWS =
            ConfigOptions.key("cacheMaxRows")
                    .longType()
                    .defaultValue(10_000_000L)
                    .withDescription("ALL: refuse to load a table with more rows than this.");

    public static final ConfigOption<Long> CACHE_MAX_BYTES =
            ConfigOptions.key("cacheMaxBytes")
                    .longType()
                    .defaultValue(1L << 30)
                    .withDescription("ALL: refuse to load a table whose rows take more bytes than this (binary row size).");

    public static final ConfigOption<Boolean> ASYNC =
            ConfigOptions.key("async")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Look keys up asynchronously. Ordered or unordered output and the number of "
                                    + "buffered records follow Flink's LOOKUP hint and "
                                    + "table.exec.async-lookup.* settings.");

    public static final ConfigOption<Integer> ASYNC_THREADS =
            ConfigOptions.key("asyncThreads")
                    .intType()
                    .defaultValue(8)
                    .withDescription("Async: connections (and threads) per parallel task, i.e. the most source reads in flight.");

    public static final ConfigOption<Integer> MAX_RETRY_TIMES =
            ConfigOptions.key("maxRetryTimes")
                    .intType()
                    .defaultValue(3)
                    .withDescription("How often a failed read (connection lost, timeout) is retried before the job fails.");

    public static final ConfigOption<Long> RETRY_BACKOFF_MS =
            ConfigOptions.key("retryBackoffms")
                    .longType()
                    .defaultValue(100L)
                    .withDescription("Wait before the first retry in milliseconds; doubled for each further retry.");

    public static final ConfigOption<Long> CONNECT_TIMEOUT_MS =
            ConfigOptions.key("connectTimeoutms")
                    .longType()
                    .defaultValue(5_000L)
                    .withDescription("Timeout in milliseconds for connecting to the source and for one read.");

    private DimTableOptions() {}
}
