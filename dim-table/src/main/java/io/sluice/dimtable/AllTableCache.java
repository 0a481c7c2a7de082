package io.sluice.dimtable;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * cache = 'ALL': the whole table in a hash map. A reload builds a new map beside the old one and
 * swaps the reference, so lookups see either the old or the new table, never a half-loaded one;
 * a failed reload keeps serving the old table.
 */
final class AllTableCache implements DimCache {

    private static final Logger LOG = LoggerFactory.getLogger(AllTableCache.class);

    private final RetryingReader reader;
    private final CacheKeys keys;
    private final RowDataSerializer rows;
    private final CacheConfig config;
    private final DimMetrics metrics;
    private final String table;
    private ScheduledExecutorService reloader;

    private volatile Snapshot snapshot = new Snapshot(Map.of(), 0);

    AllTableCache(
            RetryingReader reader, CacheKeys keys, RowDataSerializer rows, CacheConfig config, DimMetrics metrics, String table) {
        this.reader = reader;
        this.keys = keys;
        this.rows = rows;
        this.config = config;
        this.metrics = metrics;
        this.table = table;
    }

    /** Loads the table; fails when it cannot be read or exceeds the configured limits. */
    void open() throws IOException {
        snapshot = load();
        ReloadSchedule schedule = ReloadSchedule.of(config, ZonedDateTime.now());
        if (schedule != null) {
            reloader =
                    Executors.newSingleThreadScheduledExecutor(
                            runnable -> {
                                Thread thread = new Thread(runnable, "dim-table-reload-" + table);
                                thread.setDaemon(true);
                                return thread;
                            });
            reloader.scheduleAtFixedRate(this::reload, schedule.firstDelayMs(), schedule.periodMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void reload() {
        try {
            snapshot = load();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Reloading dimension table {} failed; still serving the previous load", table, e);
        }
    }

    private Snapshot load() throws IOException {
        return reader.read(() -> "loading the whole table (cache = 'ALL')", connection -> {
            Loading loading = new Loading();
            connection.readAll(loading::add);
            return loading.finish();
        });
    }

    @Override
    public List<RowData> getIfPresent(Object key) {
        List<RowData> found = snapshot.rows.get(key);
        if (found == null) {
            metrics.miss();
            return List.of();
        }
        metrics.hit();
        return found;
    }

    /** Never called: an ALL cache answers every key itself. */
    @Override
    public void put(Object key, List<RowData> rows) {
        throw new UnsupportedOperationException("cache = 'ALL' is only replaced as a whole");
    }

    @Override
    public long size() {
        return snapshot.rowCount;
    }

    @Override
    public void close() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
        reader.close();
    }

    private static final class Snapshot {
        final Map<Object, List<RowData>> rows;
        final long rowCount;

        Snapshot(Map<Object, List<RowData>> rows, long rowCount) {
            this.rows = rows;
            this.rowCount = rowCount;
        }
    }

    /** One read of the whole table; a retried read starts a new one. */
    private final class Loading {
        private final Map<Object, List<RowData>> byKey = new HashMap<>();
        private long rowCount;
        private long bytes;

        void add(RowData row) throws IOException {
            // Binary rows are compact, and their size is what the byte limit counts.
            BinaryRowData binary = rows.toBinaryRow(row).copy();
            rowCount++;
            bytes += binary.getSizeInBytes();
            if (rowCount > config.maxRows()) {
                throw tooLarge(DimTableOptions.CACHE_MAX_ROWS.key(), config.maxRows(), "rows");
            }
            if (bytes > config.maxBytes()) {
                throw tooLarge(DimTableOptions.CACHE_MAX_BYTES.key(), config.maxBytes(), "bytes");
            }
            Object key = keys.ofRow(binary);
            if (key == null) {
                return;
            }
            List<RowData> existing = byKey.get(key);
            if (existing == null) {
                byKey.put(key, List.of(binary));
            } else {
                List<RowData> more = new ArrayList<>(existing);
                more.add(binary);
                byKey.put(key, List.copyOf(more));
            }
        }

        Snapshot finish() {
            return new Snapshot(byKey, rowCount);
        }

        private IOException tooLarge(String option, long limit, String unit) {
            return new IOException(
                    String.format(
                            "Dimension table %s has more than %d %s, the limit set by option '%s'. "
                                    + "Raise '%s' or use cache = 'LRU' with a 'cacheSize'.",
                            table, limit, unit, option, option));
        }
    }
}
