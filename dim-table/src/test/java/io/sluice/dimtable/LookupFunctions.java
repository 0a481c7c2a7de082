package io.sluice.dimtable;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

import java.io.IOException;
import java.util.Collection;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the connector's lookup function for a table {@code (id INT, name STRING)} keyed by id,
 * and calls it the way Flink's lookup join does, for tests that control time precisely.
 */
final class LookupFunctions {

    static final RowType ROW_TYPE =
            RowType.of(new LogicalType[] {new IntType(), VarCharType.STRING_TYPE}, new String[] {"id", "name"});
    static final int[] KEY = {0};

    static DimLookupFunction jdbc(TestDatabase db, String url, String table, CacheConfig cache, RetryConfig retry) throws Exception {
        DimSource source = new JdbcDimSource(url, table, db.user, db.password, 2_000, ROW_TYPE, KEY);
        return open(source, cache, retry);
    }

    static DimLookupFunction redis(int port, String prefix, CacheConfig cache, RetryConfig retry) throws Exception {
        DimSource source =
                new RedisDimSource("127.0.0.1", port, 0, null, null, 2_000, prefix, ":", RedisValueFormat.HASH, ROW_TYPE, KEY);
        return open(source, cache, retry);
    }

    private static DimLookupFunction open(DimSource source, CacheConfig cache, RetryConfig retry) throws Exception {
        DimLookupFunction function = new DimLookupFunction(new DimLookup("test", source, ROW_TYPE, KEY, cache, retry));
        function.open(new FunctionContext(null));
        return function;
    }

    /** The name of the row with this id, or null when there is none. */
    static String name(DimLookupFunction function, int id) throws IOException {
        Collection<RowData> rows = function.lookup(GenericRowData.of(id));
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.iterator().next().getString(1).toString();
    }

    /** Waits until the condition holds; returns the milliseconds it took. */
    static long await(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if ((System.nanoTime() - start) / 1_000_000 > timeoutMs) {
                throw new AssertionError("condition not met within " + timeoutMs + " ms");
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    static BooleanSupplier nameIs(DimLookupFunction function, int id, String expected) {
        return () -> {
            try {
                return expected.equals(name(function, id));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };
    }

    private LookupFunctions() {}
}
