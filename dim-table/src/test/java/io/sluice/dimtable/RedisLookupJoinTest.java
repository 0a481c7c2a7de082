package io.sluice.dimtable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookup joins against the real Redis: JSON strings and hashes as rows, every cache kind. */
class RedisLookupJoinTest {

    static Stream<Arguments> everyFormatAndCache() {
        List<Arguments> all = new ArrayList<>();
        for (String format : new String[] {"json", "hash"}) {
            for (CacheKind cache : CacheKind.values()) {
                all.add(Arguments.of(format, cache));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} cache={1}")
    @MethodSource("everyFormatAndCache")
    void joinsRowsStoredAsJsonOrHash(String format, CacheKind cache) throws Exception {
        try (TestRedis redis = new TestRedis()) {
            if (format.equals("json")) {
                redis.json("1", "{\"name\":\"one\",\"score\":1.5,\"vip\":true}");
                redis.json("2", "{\"name\":\"two\"}");
            } else {
                redis.hash("1", "name", "one", "score", "1.5", "vip", "true");
                redis.hash("2", "name", "two");
            }
            FlinkSql sql =
                    new FlinkSql()
                            .probe("s", new String[] {"k"}, new TypeInformation<?>[] {Types.INT},
                                    Row.of(1), Row.of(2), Row.of(1), Row.of(7), Row.of((Object) null))
                            .dimTable("d", "id INT PRIMARY KEY NOT ENFORCED, name STRING, score DOUBLE, vip BOOLEAN",
                                    redis.options(format, cache));

            assertThat(sql.query("SELECT s.k, d.id, d.name, d.score, d.vip FROM s LEFT JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id"))
                    .containsExactly(
                            "+I[1, 1, one, 1.5, true]",
                            "+I[1, 1, one, 1.5, true]",
                            "+I[2, 2, two, null, null]",
                            "+I[7, null, null, null, null]",
                            "+I[null, null, null, null, null]");
        }
    }

    @ParameterizedTest(name = "cache={0}")
    @EnumSource(CacheKind.class)
    void joinsOnCompositeKeys(CacheKind cache) throws Exception {
        try (TestRedis redis = new TestRedis()) {
            redis.hash("eu:1", "owner", "anna");
            redis.hash("us:1", "owner", "bob");
            Map<String, String> options = redis.options("hash", cache);
            options.put("keyColumns", "region,id");
            FlinkSql sql =
                    new FlinkSql()
                            .probe("s", new String[] {"r", "i"}, new TypeInformation<?>[] {Types.STRING, Types.LONG},
                                    Row.of("eu", 1L), Row.of("us", 1L), Row.of("us", 2L))
                            .dimTable("d", "region STRING, id BIGINT, owner STRING", options);

            assertThat(sql.query("SELECT s.r, s.i, d.owner FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.i = d.id AND s.r = d.region"))
                    .containsExactly("+I[eu, 1, anna]", "+I[us, 1, bob]");
        }
    }
}
