package io.sluice.dimtable;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.AsyncLookupFunction;
import org.apache.flink.table.functions.FunctionContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asynchronous lookups: hits complete on the task thread; misses read the source on a pool of
 * {@code asyncThreads} threads, one connection each, so at most that many reads are in flight.
 * Flink's async operator bounds the buffered records and keeps or relaxes their order.
 */
public final class DimAsyncLookupFunction extends AsyncLookupFunction {

    private static final long serialVersionUID = 1L;

    private final DimLookup lookup;
    private final int threads;

    private transient ExecutorService pool;
    private transient BlockingQueue<KeyLoader> loaders;
    private transient List<KeyLoader> opened;

    DimAsyncLookupFunction(DimLookup lookup, int threads) {
        this.lookup = lookup;
        this.threads = threads;
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        lookup.open(context.getMetricGroup());
        if (!lookup.readsSource()) {
            return;
        }
        loaders = new ArrayBlockingQueue<>(threads);
        opened = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            KeyLoader loader = lookup.newLoader();
            opened.add(loader);
            loader.connect();
            loaders.add(loader);
        }
        AtomicInteger counter = new AtomicInteger();
        pool =
                Executors.newFixedThreadPool(
                        threads,
                        runnable -> {
                            Thread thread = new Thread(runnable, "dim-table-lookup-" + counter.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    @Override
    public CompletableFuture<Collection<RowData>> asyncLookup(RowData keyRow) {
        List<RowData> rows = lookup.cached(keyRow);
        if (rows != null) {
            return CompletableFuture.completedFuture(rows);
        }
        return CompletableFuture.supplyAsync(() -> load(keyRow), pool);
    }

    /** Runs on a pool thread; there are as many loaders as threads, so one is always free. */
    private Collection<RowData> load(RowData keyRow) {
        KeyLoader loader = loaders.poll();
        try {
            return lookup.load(loader, keyRow);
        } catch (IOException e) {
            throw new CompletionException(e);
        } finally {
            loaders.add(loader);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (opened != null) {
            opened.forEach(KeyLoader::close);
        }
        lookup.close();
    }
}
