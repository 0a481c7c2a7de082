package io.sluice.bench.dimtable;

import java.util.LinkedHashMap;
import java.util.Map;

/** One way of answering the same lookup join. */
enum Variant {
    /** The stream alone: the cost every variant shares. */
    NOJOIN("nojoin"),
    /** A plain HashMap lookup: the ceiling for any in-memory cache. */
    HASHMAP("hashmap"),
    /** flink-connector-jdbc 4.0.0-2.0 with its only lookup cache, PARTIAL (Guava), sync. */
    FLINK_PARTIAL("flink-partial"),
    DIM_LRU("dim-lru"),
    DIM_LRU_ASYNC("dim-lru-async"),
    DIM_ALL("dim-all"),
    DIM_NONE("dim-none"),
    DIM_NONE_ASYNC("dim-none-async");

    final String id;

    Variant(String id) {
        this.id = id;
    }

    static Variant of(String id) {
        for (Variant variant : values()) {
            if (variant.id.equals(id)) {
                return variant;
            }
        }
        throw new IllegalArgumentException("unknown variant " + id);
    }

    /** Options of the dimension table, or null for {@link #NOJOIN}. */
    Map<String, String> options(String table, int keys) {
        Map<String, String> options = new LinkedHashMap<>();
        switch (this) {
            case NOJOIN:
                return null;
            case HASHMAP:
                options.put("connector", "bench-hashmap");
                options.put("url", BenchDatabase.URL);
                options.put("table", table);
                return options;
            case FLINK_PARTIAL:
                options.put("connector", "jdbc");
                options.put("url", BenchDatabase.URL);
                options.put("table-name", table);
                options.put("username", BenchDatabase.USER);
                options.put("password", BenchDatabase.PASSWORD);
                options.put("lookup.cache", "PARTIAL");
                options.put("lookup.partial-cache.max-rows", Integer.toString(keys));
                options.put("lookup.partial-cache.expire-after-write", "10 min");
                return options;
            default:
                options.put("connector", "dim");
                options.put("type", "jdbc");
                options.put("url", BenchDatabase.URL);
                options.put("tableName", table);
                options.put("userName", BenchDatabase.USER);
                options.put("password", BenchDatabase.PASSWORD);
                if (this == DIM_ALL) {
                    options.put("cache", "ALL");
                } else if (this == DIM_NONE || this == DIM_NONE_ASYNC) {
                    options.put("cache", "NONE");
                    options.put("async", Boolean.toString(this == DIM_NONE_ASYNC));
                } else {
                    options.put("cache", "LRU");
                    options.put("cacheSize", Integer.toString(keys));
                    options.put("cacheTTLms", "600000");
                    options.put("async", Boolean.toString(this == DIM_LRU_ASYNC));
                }
                return options;
        }
    }
}
