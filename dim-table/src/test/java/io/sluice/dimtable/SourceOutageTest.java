package io.sluice.dimtable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.sluice.dimtable.LookupFunctions.await;
import static io.sluice.dimtable.LookupFunctions.name;
import static io.sluice.dimtable.LookupFunctions.nameIs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The source goes down and comes back: PostgreSQL and Redis are reached through a {@link TcpProxy}
 * that the test stops and starts; the machine's services keep running.
 */
class SourceOutageTest {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;

    private final String table = TestDatabase.uniqueName("dim_outage");
    private TcpProxy proxy;
    private DimLookupFunction function;

    @BeforeEach
    void setUp() throws Exception {
        DB.execute(
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO " + table + " VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        proxy = new TcpProxy(DB.port());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (function != null) {
            function.close();
        }
        proxy.close();
        DB.execute("DROP TABLE " + table);
    }

    private DimLookupFunction open(CacheConfig cache, RetryConfig retry) throws Exception {
        function = LookupFunctions.jdbc(DB, DB.urlThroughPort(proxy.port()), table, cache, retry);
        return function;
    }

    @Test
    void unreachableSourceFailsAtStartNamingTheSourceAndTheRetryOption() throws Exception {
        proxy.stop();
        assertThatThrownBy(() -> open(CacheConfig.lru(10, null), new RetryConfig(1, 10, 1_000)))
                .hasMessageStartingWith(
                        "Dimension source table '" + table + "' at " + DB.urlThroughPort(proxy.port())
                                + " is unreachable: connect failed 2 time(s) (option 'maxRetryTimes' = 1).");
    }

    @Test
    void sqlJobFailsWithTheSameMessageWhenTheSourceIsUnreachable() throws Exception {
        proxy.stop();
        Map<String, String> options = JdbcLookupJoinTest.options(DB, table, CacheKind.LRU, false);
        options.put("url", DB.urlThroughPort(proxy.port()));
        options.put("maxRetryTimes", "0");
        FlinkSql sql =
                new FlinkSql()
                        .probe("s", new String[] {"k"}, new TypeInformation<?>[] {Types.INT}, Row.of(1))
                        .dimTable("d", "id INT, name STRING", options);
        assertThatThrownBy(() -> sql.query("SELECT * FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id"))
                .hasStackTraceContaining("is unreachable: connect failed 1 time(s) (option 'maxRetryTimes' = 0)");
    }

    @Test
    void lookupWaitsOutAnOutageShorterThanItsRetries() throws Exception {
        DimLookupFunction lru = open(CacheConfig.lru(10, null), new RetryConfig(6, 100, 1_000));
        assertThat(name(lru, 1)).isEqualTo("one");

        proxy.stop();
        CompletableFuture<Void> back =
                CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS))
                        .thenRun(() -> {
                            try {
                                proxy.start();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        assertThat(name(lru, 1)).as("cached keys are served while the source is down").isEqualTo("one");
        assertThat(name(lru, 2)).as("an uncached key is read once the source is back").isEqualTo("two");
        assertThat(back).isDone();
    }

    @Test
    void lookupFailsClearlyWhenTheOutageOutlastsRetriesAndRecoversAfterwards() throws Exception {
        DimLookupFunction lru = open(CacheConfig.lru(10, null), new RetryConfig(2, 10, 1_000));
        assertThat(name(lru, 1)).isEqualTo("one");

        proxy.stop();
        assertThatThrownBy(() -> name(lru, 2))
                .hasMessageContaining("is unreachable: looking up key +I(2) failed 3 time(s) (option 'maxRetryTimes' = 2)");

        proxy.start();
        assertThat(name(lru, 2)).isEqualTo("two");
    }

    @Test
    void allKeepsServingTheLastGoodTableWhileReloadsFail() throws Exception {
        DimLookupFunction all = open(CacheConfig.all(Duration.ofMillis(300)), new RetryConfig(0, 0, 1_000));
        assertThat(name(all, 1)).isEqualTo("one");

        proxy.stop();
        DB.execute("UPDATE " + table + " SET name = 'uno' WHERE id = 1");
        Thread.sleep(1_000);
        assertThat(name(all, 1)).as("reloads failed meanwhile; still the last good table").isEqualTo("one");
        assertThat(name(all, 3)).isEqualTo("three");

        proxy.start();
        await(nameIs(all, 1, "uno"), 5_000);
    }

    @Test
    void redisLookupWaitsOutAnOutageAndFailsClearlyWhenItLasts() throws Exception {
        try (TestRedis redis = new TestRedis(); TcpProxy redisProxy = new TcpProxy(TestRedis.PORT)) {
            redis.hash("1", "name", "one");
            redis.hash("2", "name", "two");
            function = LookupFunctions.redis(redisProxy.port(), redis.prefix, CacheConfig.none(), new RetryConfig(6, 100, 1_000));
            assertThat(name(function, 1)).isEqualTo("one");

            redisProxy.stop();
            CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS))
                    .thenRun(() -> {
                        try {
                            redisProxy.start();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            assertThat(name(function, 2)).isEqualTo("two");

            redisProxy.stop();
            assertThatThrownBy(() -> LookupFunctions.redis(redisProxy.port(), redis.prefix, CacheConfig.none(), new RetryConfig(1, 10, 500)))
                    .hasMessageStartingWith("Dimension source redis://127.0.0.1:" + redisProxy.port() + "/0 keys '" + redis.prefix + "*' is unreachable");
            redisProxy.start();
        }
    }
}
