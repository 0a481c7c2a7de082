package io.sluice.dimtable;

import java.util.HashMap;
import java.util.Map;

/**
 * Entry point for the gateway: turns a catalog data source plus cache settings into the options
 * of a {@code 'connector' = 'dim'} table, so users join against catalog tables without writing
 * connector options.
 *
 * <pre>{@code
 * Map<String, String> options = CatalogDimTable.connectorOptions(
 *         new DataSourceConnection(Kind.POSTGRESQL, "jdbc:postgresql://db:5432/shop", "app", secret,
 *                 "public.customers", List.of("id")),
 *         CacheConfig.lru(100_000, Duration.ofMinutes(10)));
 * }</pre>
 */
public final class CatalogDimTable {

    /** Redis rows live under {@code table + ':' + key}. */
    static final String REDIS_SEPARATOR = ":";

    private CatalogDimTable() {}

    public static Map<String, String> connectorOptions(DataSourceConnection source, CacheConfig cache) {
        Map<String, String> options = new HashMap<>(cache.toOptions());
        options.put("connector", DimTableFactory.IDENTIFIER);
        putIfSet(options, DimTableOptions.USER_NAME.key(), source.user());
        putIfSet(options, DimTableOptions.PASSWORD.key(), source.password());
        options.put(DimTableOptions.KEY_COLUMNS.key(), String.join(",", source.keyColumns()));
        if (source.kind() == DataSourceConnection.Kind.REDIS) {
            options.put(DimTableOptions.TYPE.key(), "redis");
            String[] hostPort = source.address().split(":", 2);
            options.put(DimTableOptions.HOST.key(), hostPort[0]);
            if (hostPort.length == 2) {
                options.put(DimTableOptions.PORT.key(), hostPort[1]);
            }
            options.put(DimTableOptions.KEY_PREFIX.key(), source.table() + REDIS_SEPARATOR);
            options.put(DimTableOptions.KEY_SEPARATOR.key(), REDIS_SEPARATOR);
        } else {
            options.put(DimTableOptions.TYPE.key(), "jdbc");
            options.put(DimTableOptions.URL.key(), source.address());
            options.put(DimTableOptions.TABLE_NAME.key(), source.table());
        }
        return options;
    }

    private static void putIfSet(Map<String, String> options, String key, String value) {
        if (value != null) {
            options.put(key, value);
        }
    }
}
