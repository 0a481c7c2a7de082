package io.sluice.gateway.catalogservice;

import com.github.benmanes.caffeine.cache.Ticker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether catalog-service answers, and for how long open sessions may go on with what it last said while it does
 * not, as policy plugins of other systems keep enforcing the policies they last downloaded. Shared by every cache
 * of catalog-service's answers ({@link LastKnownCache}) and told of each call's outcome by the clients, so that an
 * outage is logged once, when it starts, and once when it ends, not once per statement.
 */
public final class OutageGrace {

    private static final Logger LOG = LoggerFactory.getLogger(OutageGrace.class);

    private final long graceNanos;
    private final Duration grace;
    private final Ticker ticker;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long downSince;

    /** @param grace how long after catalog-service last confirmed a value it may be used while it is unreachable */
    public OutageGrace(Duration grace) {
        this(grace, Ticker.systemTicker());
    }

    /** @param ticker the clock of the caches, in nanoseconds (tests move it by hand) */
    public OutageGrace(Duration grace, Ticker ticker) {
        this.grace = grace;
        this.graceNanos = grace.toNanos();
        this.ticker = ticker;
    }

    Ticker ticker() {
        return ticker;
    }

    long graceNanos() {
        return graceNanos;
    }

    /** Whether the last call to catalog-service found it unreachable. */
    boolean ongoing() {
        return down.get();
    }

    /** A call to catalog-service was answered (with any status but 5xx): an outage, if there was one, is over. */
    public void answered(URI catalogService) {
        if (down.compareAndSet(true, false)) {
            LOG.info(
                    "catalog-service at {} answers again after {} s; cached answers are read again as they age and the "
                            + "change feed catches up from its cursor",
                    address(catalogService), Duration.ofNanos(ticker.read() - downSince).toSeconds());
        }
    }

    /**
     * A call to catalog-service found it unreachable (no answer, or 5xx): logged when an outage starts.
     *
     * @param why what went wrong, for the client as well: no address, no stack trace
     * @return the failure to throw
     */
    public CatalogServiceException unreachable(URI catalogService, int status, String why) {
        CatalogServiceException failure = CatalogServiceException.unreachable(status, why);
        if (down.compareAndSet(false, true)) {
            downSince = ticker.read();
            LOG.warn(
                    "catalog-service at {} is unreachable ({}): open sessions go on with what the gateway last read "
                            + "from it for up to {} after it was confirmed; new logins and anything not read before "
                            + "are refused until it is back",
                    address(catalogService), why, describe(grace));
        }
        return failure;
    }

    /**
     * Whether a value catalog-service confirmed at {@code confirmedAt} may be used without asking it again: younger
     * than its TTL and, while catalog-service is unreachable, than the grace as well, so that the grace bounds every
     * value during an outage even where a TTL is longer.
     */
    boolean fresh(long confirmedAt, long ttlNanos) {
        long age = ticker.read() - confirmedAt;
        return age < ttlNanos && !(ongoing() && age >= graceNanos);
    }

    /** Whether a value confirmed at {@code confirmedAt} may still stand in for an answer catalog-service cannot give. */
    boolean withinGrace(long confirmedAt) {
        return ticker.read() - confirmedAt < graceNanos;
    }

    /** The refusal when catalog-service is unreachable and nothing young enough is known to stand in for its answer. */
    CatalogServiceException nothingKnown(CatalogServiceException failure) {
        return failure.withMessage(
                failure.getMessage() + " The gateway has nothing from catalog-service for this that is younger than "
                        + describe(grace) + " (catalog-service.outage-grace), so it refuses until catalog-service is "
                        + "back.");
    }

    /** The refusal of a new login while catalog-service is unreachable: credentials are never taken on trust. */
    CatalogServiceException loginRefused(CatalogServiceException failure) {
        return failure.withMessage(
                failure.getMessage() + " New logins are refused until catalog-service is back; sessions already open "
                        + "go on for up to " + describe(grace) + ".");
    }

    /** 10 min, 90 s, 1500 ms: the grace as a reader would write it. */
    static String describe(Duration duration) {
        if (duration.toMillis() % 60_000 == 0 && !duration.isZero()) {
            return duration.toMinutes() + " min";
        }
        if (duration.toMillis() % 1_000 == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMillis() + " ms";
    }

    /** Scheme, host and port only: a URL's user info or path is none of the log's business. */
    private static String address(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
