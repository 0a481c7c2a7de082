package io.sluice.dimtable;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One Redis connection. */
final class RedisDimConnection implements DimConnection {

    private static final int SCAN_BATCH = 1_000;

    private final Jedis jedis;
    private final String keyPrefix;
    private final String keySeparator;
    private final RedisValueFormat format;
    private final RedisRowDecoder decoder;

    RedisDimConnection(Jedis jedis, String keyPrefix, String keySeparator, RedisValueFormat format, RedisRowDecoder decoder) {
        this.jedis = jedis;
        this.keyPrefix = keyPrefix;
        this.keySeparator = keySeparator;
        this.format = format;
        this.decoder = decoder;
    }

    @Override
    public List<RowData> read(RowData key) throws IOException {
        GenericRowData keyRow = (GenericRowData) key;
        Object[] values = new Object[keyRow.getArity()];
        StringBuilder redisKey = new StringBuilder(keyPrefix);
        for (int i = 0; i < values.length; i++) {
            values[i] = keyRow.getField(i);
            if (i > 0) {
                redisKey.append(keySeparator);
            }
            redisKey.append(values[i]);
        }
        String name = redisKey.toString();
        try {
            if (format == RedisValueFormat.JSON) {
                String json = jedis.get(name);
                return json == null ? List.of() : List.of(decoder.fromJson(name, json, values));
            }
            Map<String, String> hash = jedis.hgetAll(name);
            return hash.isEmpty() ? List.of() : List.of(decoder.fromHash(name, hash, values));
        } catch (JedisException e) {
            throw classify(e);
        }
    }

    @Override
    public void readAll(RowSink sink) throws IOException {
        ScanParams params = new ScanParams().match(globEscape(keyPrefix) + "*").count(SCAN_BATCH);
        String cursor = ScanParams.SCAN_POINTER_START;
        try {
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                readBatch(page.getResult(), sink);
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        } catch (JedisException e) {
            throw classify(e);
        }
    }

    /** Fetches the values of one SCAN page in a single round trip. */
    private void readBatch(List<String> names, RowSink sink) throws IOException {
        Pipeline pipeline = jedis.pipelined();
        List<Response<?>> values = new ArrayList<>(names.size());
        for (String name : names) {
            values.add(format == RedisValueFormat.JSON ? pipeline.get(name) : pipeline.hgetAll(name));
        }
        pipeline.sync();
        String separator = Pattern.quote(keySeparator);
        int arity = decoder.keyArity();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String[] parts = name.substring(keyPrefix.length()).split(separator, -1);
            if (parts.length != arity) {
                // Another table's key under a shared prefix.
                continue;
            }
            Object[] key = decoder.keyFromText(name, parts);
            Object value = values.get(i).get();
            if (value instanceof String) {
                sink.accept(decoder.fromJson(name, (String) value, key));
            } else if (value instanceof Map && !((Map<?, ?>) value).isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, String> hash = (Map<String, String>) value;
                sink.accept(decoder.fromHash(name, hash, key));
            }
        }
    }

    private static String globEscape(String prefix) {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    static IOException classify(JedisException e) {
        return e instanceof JedisConnectionException
                ? new SourceUnavailableException(e.getMessage(), e)
                : new IOException(e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            jedis.close();
        } catch (JedisException ignored) {
            // Dropping a connection that already failed; nothing to recover.
        }
    }
}
