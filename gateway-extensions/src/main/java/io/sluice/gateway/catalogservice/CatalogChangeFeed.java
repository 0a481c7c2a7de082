package io.sluice.gateway.catalogservice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls catalog-service's change feed ({@code GET /api/v1/changes}) and drops cached catalogs as tables are
 * published, cached connections as data admins change them and cached access decisions as grants change, so that
 * all reach open sessions within one poll interval rather than one cache TTL. After each poll it reads ahead the
 * environment catalogs that were dropped, expired or never read (at start: once the feed's history is read), so
 * that opening a session does not wait for one. While catalog-service cannot be reached, open sessions go on with
 * what was last read for the outage grace ({@link OutageGrace}); once it is back, the feed goes on from its cursor.
 *
 * <p>A gateway starts with nothing cached, so it starts at the feed's end rather than reading its whole history:
 * the first poll asks where the feed ends and drops anything read before that (the next polls correct only what
 * changed after it). The feed numbers events in commit order, so reading "after the last id seen" misses none.
 */
public final class CatalogChangeFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogChangeFeed.class);

    private final CatalogServiceClient catalogService;
    private final List<String> environments;
    private final Runnable accessChanged;
    private final Consumer<String> quotaChanged;
    private final Consumer<String> functionsChanged;
    private final ScheduledExecutorService poller;
    /** The id of the last event applied; null until the feed's end is known. */
    private Long cursor;
    private boolean failing;

    /**
     * @param environments the environments whose catalogs sessions mount, kept read ahead
     * @param accessChanged called when grants, public flags or blacklists changed, to drop cached decisions
     * @param quotaChanged called with a project whose quota changed, to drop its cached quota (null: every project)
     * @param functionsChanged called with a project whose functions changed, to drop its cached function list (null:
     *     every project)
     */
    public CatalogChangeFeed(
            CatalogServiceClient catalogService,
            Duration interval,
            List<String> environments,
            Runnable accessChanged,
            Consumer<String> quotaChanged,
            Consumer<String> functionsChanged) {
        this.catalogService = catalogService;
        this.environments = List.copyOf(environments);
        this.accessChanged = accessChanged;
        this.quotaChanged = quotaChanged;
        this.functionsChanged = functionsChanged;
        this.poller =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "sluice-catalog-change-feed");
                            thread.setDaemon(true);
                            return thread;
                        });
        poller.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            if (cursor == null) {
                cursor = catalogService.changeFeedEnd();
                catalogService.forgetCatalogsAndConnections();
                accessChanged.run();
            }
            long before = cursor;
            long last;
            do {
                last = cursor;
                cursor = catalogService.applyChanges(cursor, accessChanged, quotaChanged, functionsChanged);
            } while (cursor != last);
            if (cursor == before) {
                restartIfTheFeedWentBack();
            }
            catalogService.keepCatalogsWarm(environments);
            if (failing) {
                LOG.info("catalog-service's change feed is back");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("catalog-service's change feed cannot be read ({}); it is read on from the same cursor once it can be", e.getMessage());
                failing = true;
            }
        }
    }

    /**
     * A feed that ends before the cursor was restored from an older database (a backup, or a restart that lost its
     * last commits): its next events get ids this gateway believes it has read, and would be skipped. So everything
     * cached is dropped and the feed is read on from its end. Asked only after a poll found nothing new: one counter
     * read.
     */
    private void restartIfTheFeedWentBack() {
        long end = catalogService.changeFeedEnd();
        if (end < cursor) {
            LOG.warn("catalog-service's change feed ends at {}, before the {} this gateway read: its database went back; "
                    + "every cached catalog, connection, decision, quota and function list is dropped", end, cursor);
            catalogService.forgetCatalogsAndConnections();
            accessChanged.run();
            quotaChanged.accept(null);
            functionsChanged.accept(null);
            cursor = end;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
