package io.sluice.dimtable;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.HashMap;
import java.util.Map;

/** The Redis on this machine; every test writes under its own key prefix and removes it. */
final class TestRedis implements AutoCloseable {

    static final int PORT = 6379;

    final String prefix = TestDatabase.uniqueName("dimtest") + ":";
    final Jedis jedis = new Jedis("127.0.0.1", PORT);

    void json(String key, String json) {
        jedis.set(prefix + key, json);
    }

    void hash(String key, String... fieldsAndValues) {
        Map<String, String> hash = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            hash.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        jedis.hset(prefix + key, hash);
    }

    Map<String, String> options(String format, CacheKind cache) {
        Map<String, String> options = new HashMap<>();
        options.put("type", "redis");
        options.put("host", "127.0.0.1");
        options.put("port", Integer.toString(PORT));
        options.put("keyPrefix", prefix);
        options.put("valueFormat", format);
        options.put("cache", cache.name());
        if (cache == CacheKind.LRU) {
            options.put("cacheSize", "100");
        }
        return options;
    }

    @Override
    public void close() {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
            if (!page.getResult().isEmpty()) {
                jedis.del(page.getResult().toArray(new String[0]));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        jedis.close();
    }
}
