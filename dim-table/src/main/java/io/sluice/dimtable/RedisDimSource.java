package io.sluice.dimtable;

import org.apache.flink.table.types.logical.RowType;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;

/** Rows in Redis under {@code keyPrefix + key values joined by keySeparator}. */
final class RedisDimSource implements DimSource {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;
    private final int dbNum;
    private final String userName;
    private final String password;
    private final long timeoutMs;
    private final String keyPrefix;
    private final String keySeparator;
    private final RedisValueFormat format;
    private final RowType rowType;
    private final int[] keyIndices;

    RedisDimSource(
            String host,
            int port,
            int dbNum,
            String userName,
            String password,
            long timeoutMs,
            String keyPrefix,
            String keySeparator,
            RedisValueFormat format,
            RowType rowType,
            int[] keyIndices) {
        this.host = host;
        this.port = port;
        this.dbNum = dbNum;
        this.userName = userName;
        this.password = password;
        this.timeoutMs = timeoutMs;
        this.keyPrefix = keyPrefix;
        this.keySeparator = keySeparator;
        this.format = format;
        this.rowType = rowType;
        this.keyIndices = keyIndices;
    }

    @Override
    public DimConnection connect() throws IOException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, timeoutMs);
        DefaultJedisClientConfig config =
                DefaultJedisClientConfig.builder()
                        .user(userName)
                        .password(password)
                        .database(dbNum)
                        .connectionTimeoutMillis(timeout)
                        .socketTimeoutMillis(timeout)
                        .build();
        Jedis jedis = null;
        try {
            jedis = new Jedis(new HostAndPort(host, port), config);
            jedis.ping();
        } catch (JedisException e) {
            if (jedis != null) {
                jedis.close();
            }
            throw RedisDimConnection.classify(e);
        }
        return new RedisDimConnection(jedis, keyPrefix, keySeparator, format, new RedisRowDecoder(rowType, keyIndices));
    }

    @Override
    public String describe() {
        return String.format("redis://%s:%d/%d keys '%s*'", host, port, dbNum, keyPrefix);
    }
}
