package io.sluice.gateway.catalogservice;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What catalog-service last said, each value with the time catalog-service confirmed it. A value younger than its
 * TTL is used as it is; an older one is read again, and when catalog-service is unreachable (no answer, or 5xx) it
 * stands in for the answer until it is older than the {@link OutageGrace grace}. An answer (401, 403, 404, …) is
 * never replaced by what was known before: it drops the value and reaches the caller.
 */
public final class LastKnownCache<K, V> {

    private record Confirmed<V>(V value, long at) {}

    private final Cache<K, Confirmed<V>> entries;
    private final long ttlNanos;
    private final OutageGrace outage;

    public LastKnownCache(Duration ttl, long maxEntries, OutageGrace outage) {
        this.ttlNanos = ttl.toNanos();
        this.outage = outage;
        // kept while it may serve: as fresh for its TTL, as a stand-in for the grace, counted from its confirmation
        long keptNanos = Math.max(ttlNanos, outage.graceNanos());
        this.entries =
                Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .ticker(outage.ticker())
                        .expireAfter(
                                new Expiry<K, Confirmed<V>>() {
                                    @Override
                                    public long expireAfterCreate(K key, Confirmed<V> value, long now) {
                                        return keptNanos - (now - value.at());
                                    }

                                    @Override
                                    public long expireAfterUpdate(K key, Confirmed<V> value, long now, long remaining) {
                                        return expireAfterCreate(key, value, now);
                                    }

                                    @Override
                                    public long expireAfterRead(K key, Confirmed<V> value, long now, long remaining) {
                                        return remaining;
                                    }
                                })
                        .build();
    }

    /**
     * The value of {@code key}: cached if fresh, else read (once, whoever else waits for it); while catalog-service
     * is unreachable, the last value within the grace. Throws {@link CatalogServiceException} with catalog-service's
     * answer, or naming it unreachable when nothing known may stand in.
     */
    public V get(K key, Function<? super K, ? extends V> read) {
        return get(key, read, false);
    }

    /**
     * As {@link #get}, for what must be confirmed by catalog-service itself, such as a new login: no value stands in
     * for an answer, and while catalog-service is unreachable none is used without asking it first.
     */
    public V getConfirmed(K key, Function<? super K, ? extends V> read) {
        return get(key, read, true);
    }

    private V get(K key, Function<? super K, ? extends V> read, boolean confirmed) {
        Confirmed<V> known = entries.getIfPresent(key);
        if (known != null && usable(known, confirmed)) {
            return known.value();
        }
        CatalogServiceException[] answer = new CatalogServiceException[1];
        Confirmed<V> result =
                entries.asMap()
                        .compute(
                                key,
                                (k, current) -> {
                                    if (current != null && usable(current, confirmed)) {
                                        return current; // read by another thread meanwhile
                                    }
                                    try {
                                        return new Confirmed<>(read.apply(k), outage.ticker().read());
                                    } catch (CatalogServiceException e) {
                                        if (!e.unreachable()) {
                                            answer[0] = e;
                                            return null;
                                        }
                                        if (confirmed) {
                                            throw outage.loginRefused(e);
                                        }
                                        return standIn(current, e);
                                    }
                                });
        if (result == null) {
            throw answer[0];
        }
        return result.value();
    }

    /**
     * The values of {@code keys}, in their order; those not fresh are read in one call, which answers them in the
     * same order. While catalog-service is unreachable, each falls back to its last value within the grace.
     */
    public List<V> getAll(List<K> keys, Function<List<K>, List<V>> readAll) {
        List<V> values = new ArrayList<>(keys.size());
        List<Integer> stale = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Confirmed<V> known = entries.getIfPresent(keys.get(i));
            values.add(known != null && usable(known, false) ? known.value() : null);
            if (values.get(i) == null) {
                stale.add(i);
            }
        }
        if (stale.isEmpty()) {
            return values;
        }
        List<K> asked = new ArrayList<>(stale.size());
        stale.forEach(i -> asked.add(keys.get(i)));
        List<V> read;
        try {
            read = readAll.apply(asked);
        } catch (CatalogServiceException e) {
            if (!e.unreachable()) {
                throw e;
            }
            for (int i : stale) {
                values.set(i, standIn(entries.getIfPresent(keys.get(i)), e).value());
            }
            return values;
        }
        long now = outage.ticker().read();
        for (int j = 0; j < stale.size(); j++) {
            values.set(stale.get(j), read.get(j));
            entries.put(asked.get(j), new Confirmed<>(read.get(j), now));
        }
        return values;
    }

    /** Keeps a value catalog-service just gave. */
    public void put(K key, V value) {
        entries.put(key, new Confirmed<>(value, outage.ticker().read()));
    }

    /** How long ago catalog-service confirmed the value of {@code key}, if one is kept. */
    public Optional<Duration> age(K key) {
        return Optional.ofNullable(entries.getIfPresent(key)).map(c -> Duration.ofNanos(outage.ticker().read() - c.at()));
    }

    public void invalidate(K key) {
        entries.invalidate(key);
    }

    public void invalidateAll(Iterable<? extends K> keys) {
        entries.invalidateAll(keys);
    }

    public void invalidateAll() {
        entries.invalidateAll();
    }

    private boolean usable(Confirmed<V> known, boolean confirmed) {
        return !(confirmed && outage.ongoing()) && outage.fresh(known.at(), ttlNanos);
    }

    private Confirmed<V> standIn(Confirmed<V> known, CatalogServiceException unreachable) {
        if (known != null && outage.withinGrace(known.at())) {
            return known;
        }
        throw outage.nothingKnown(unreachable);
    }
}
