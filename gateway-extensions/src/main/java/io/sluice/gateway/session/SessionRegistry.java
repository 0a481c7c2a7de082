package io.sluice.gateway.session;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.admission.SessionSeats;
import io.sluice.gateway.auth.Authenticator;
import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.auth.RequestCredentials;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.jobs.StartedJobs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's open sessions: who opened each, whether a request may act in it, whether its owner still may, and
 * which of them a silent client has abandoned.
 *
 * <p>A request acts in a session only with its owner's credentials (unless handle-only requests are accepted, for
 * Flink's JDBC driver), and only while the owner's login is valid: the session's credentials and project
 * membership are checked again through the login cache on each request, and every so often for sessions with
 * running statements. A session whose login was revoked is closed (its statements and their jobs end) within
 * the login cache's TTL, and its next request reads why.
 */
public final class SessionRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    /** How long a session closed for its login is remembered, so that its client reads why rather than "unknown". */
    private static final Duration LOST_LOGIN_MEMORY = Duration.ofHours(1);

    /**
     * @param acceptHandleOnlyRequests whether a request without credentials may act in the session it names
     * @param abandonedOperationTimeout how long a silent client's unfinished statements live
     * @param sessionIdleTimeout when Flink has surely closed an idle session (0: never)
     * @param loginTtl how long a login is cached, so how often an open session's login is checked again
     */
    public record Settings(
            boolean acceptHandleOnlyRequests,
            Duration abandonedOperationTimeout,
            Duration sessionIdleTimeout,
            Duration loginTtl) {}

    private final SqlGatewayService flink;
    private final StartedJobs startedJobs;
    private final SessionSeats seats;
    private final CatalogServiceClient catalogService;
    private final Authenticator authenticator;
    private final boolean acceptHandleOnly;
    private final long abandonedAfterNanos;
    private final long forgetAfterNanos;
    private final Map<SessionHandle, GovernedSession> sessions = new ConcurrentHashMap<>();
    private final Cache<SessionHandle, String> lostLogins =
            Caffeine.newBuilder().expireAfterWrite(LOST_LOGIN_MEMORY).maximumSize(10_000).build();
    private final ScheduledExecutorService sweeper;

    /**
     * @param startedJobs waits for a query's job to start before its statement is closed (FLINK-39330)
     * @param seats the sessions each user holds against the project's quota
     */
    SessionRegistry(
            SqlGatewayService flink,
            CatalogServiceClient catalogService,
            Settings settings,
            StartedJobs startedJobs,
            SessionSeats seats) {
        this.flink = flink;
        this.startedJobs = startedJobs;
        this.seats = seats;
        this.catalogService = catalogService;
        this.authenticator = new Authenticator(catalogService);
        this.acceptHandleOnly = settings.acceptHandleOnlyRequests();
        this.abandonedAfterNanos = settings.abandonedOperationTimeout().toNanos();
        this.forgetAfterNanos = settings.sessionIdleTimeout().toNanos();
        // two threads: a slow catalog-service must not hold up the cleanup of abandoned statements
        this.sweeper =
                Executors.newScheduledThreadPool(
                        2,
                        r -> {
                            Thread thread = new Thread(r, "sluice-session-sweeper");
                            thread.setDaemon(true);
                            return thread;
                        });
        long abandonedPeriod = clamp(settings.abandonedOperationTimeout().toMillis() / 4, 500, 5_000);
        sweeper.scheduleWithFixedDelay(this::closeAbandonedOperations, abandonedPeriod, abandonedPeriod, TimeUnit.MILLISECONDS);
        long loginPeriod = clamp(settings.loginTtl().toMillis() / 4, 200, 5_000);
        sweeper.scheduleWithFixedDelay(this::closeSessionsWithLostLogins, loginPeriod, loginPeriod, TimeUnit.MILLISECONDS);
    }

    /**
     * Keeps a session Flink has just opened for a principal.
     *
     * @param requestedProject the project the client asked for (null: the user's first), as the login was checked
     */
    GovernedSession opened(
            SessionHandle handle,
            PrincipalView principal,
            Credentials credentials,
            String requestedProject,
            List<String> environments,
            Map<String, String> ownedSettings) {
        GovernedSession session =
                new GovernedSession(principal, credentials, requestedProject, environments, ownedSettings);
        sessions.put(handle, session);
        LOG.info(
                "Session {} opened for user {} of project {} with environments {}",
                shortForm(handle), principal.user(), principal.project(), environments);
        return session;
    }

    /** Forgets a session its client closed. */
    void closed(SessionHandle handle) {
        forget(handle);
    }

    /** A session gone for any reason gives its user's seat back. */
    private void forget(SessionHandle handle) {
        sessions.remove(handle);
        seats.closed(handle);
    }

    /**
     * The session behind a handle, for a request from its owner whose login is still valid: the request carries
     * the owner's credentials (any of the owner's, checked through the login cache), or none where handle-only
     * requests are accepted.
     */
    GovernedSession owned(SessionHandle handle) {
        GovernedSession session = sessions.get(handle);
        if (session == null) {
            String lostLogin = lostLogins.getIfPresent(handle);
            if (lostLogin != null) {
                throw lostLoginError(handle, lostLogin).raise();
            }
            throw ClientError.notFound(
                            "Session " + handle + " does not exist (closed, timed out or from another gateway): "
                                    + "open a new one.")
                    .raise();
        }
        Optional<Credentials> presented = RequestCredentials.current();
        if (presented.isEmpty() && !acceptHandleOnly) {
            throw ClientError.loginFailed(
                            "this request names session " + handle + " but carries no credentials. Send the "
                                    + "Authorization header of the user who opened it ('Bearer <token>' or Basic) "
                                    + "with every request (JDBC: set FLINK_REST_CLIENT_HEADERS to "
                                    + "'Authorization:Bearer <token>').")
                    .raise();
        }
        presented.filter(c -> !c.equals(session.credentials)).ifPresent(c -> requireOwner(handle, session, c));
        Optional<ClientError> loginProblem = loginProblem(handle, session);
        if (loginProblem.isPresent()) {
            throw loginProblem.get().raise();
        }
        session.touch();
        return session;
    }

    private void requireOwner(SessionHandle handle, GovernedSession session, Credentials presented) {
        PrincipalView caller = authenticator.authenticate(presented, null);
        if (!caller.user().equals(session.principal.user())) {
            throw ClientError.denied(
                            "session " + handle + " belongs to another user; " + caller.user()
                                    + " may use only sessions it opened.")
                    .raise();
        }
    }

    /**
     * Checks the session's own credentials and project membership again, as they were checked when it opened
     * (through the login cache, so this asks catalog-service at most once per TTL). A login catalog-service now refuses closes the session; one it
     * cannot answer for refuses the request and keeps the session.
     */
    private Optional<ClientError> loginProblem(SessionHandle handle, GovernedSession session) {
        PrincipalView now;
        try {
            now = catalogService.principal(session.credentials, session.requestedProject);
        } catch (CatalogServiceException e) {
            if (e.status() == 401 || e.status() == 403 || e.status() == 404) {
                return Optional.of(closeForLostLogin(handle, session, e.getMessage()));
            }
            return Optional.of(Authenticator.asClientError(e));
        }
        if (!now.user().equals(session.principal.user())) {
            return Optional.of(closeForLostLogin(handle, session, "its credentials now belong to another user"));
        }
        if (!Objects.equals(now.project(), session.principal.project())) {
            return Optional.of(
                    closeForLostLogin(
                            handle, session,
                            now.user() + " is no longer a member of project " + session.principal.project()));
        }
        return Optional.empty();
    }

    private ClientError closeForLostLogin(SessionHandle handle, GovernedSession session, String reason) {
        String why = reason == null || reason.isBlank() ? "catalog-service refused it" : reason.strip();
        lostLogins.put(handle, why);
        if (sessions.remove(handle, session)) {
            seats.closed(handle);
            try {
                startedJobs.awaitStarted(handle, session.openOperations);
                flink.closeSession(handle);
            } catch (SqlGatewayException e) {
                LOG.debug("Session {} was already gone", shortForm(handle), e);
            }
            LOG.info(
                    "Closed session {} of user {} of project {}: its login is no longer valid ({})",
                    shortForm(handle), session.principal.user(), session.principal.project(), why);
        }
        return lostLoginError(handle, why);
    }

    private static ClientError lostLoginError(SessionHandle handle, String reason) {
        return ClientError.loginFailed(
                "the login of session " + handle + " is no longer valid (" + reason + "), so the gateway closed "
                        + "the session and its statements. Log in again.");
    }

    /** Sessions whose statements hold jobs lose them soon after their owner's login is revoked, even if silent. */
    private void closeSessionsWithLostLogins() {
        sessions.forEach(
                (handle, session) -> {
                    if (session.openOperations.isEmpty()) {
                        return;
                    }
                    try {
                        loginProblem(handle, session);
                    } catch (RuntimeException e) {
                        LOG.warn("Could not check the login of session {}: {}", shortForm(handle), e.toString());
                    }
                });
    }

    /**
     * Forgets sessions Flink has closed for idling, and closes the unfinished statements of sessions whose client
     * has gone silent: a killed or disconnected client stops fetching, and closing its statements cancels their
     * jobs and frees their slots long before the session itself idles out. Statements whose job runs detached
     * (INSERT) keep their job.
     */
    private void closeAbandonedOperations() {
        sessions.forEach(
                (handle, session) -> {
                    if (forgetAfterNanos > 0 && session.silentForNanos() > forgetAfterNanos) {
                        // Flink has closed it for idling by now (asking Flink would count as activity)
                        forget(handle);
                        return;
                    }
                    if (session.openOperations.isEmpty() || session.silentForNanos() < abandonedAfterNanos) {
                        return;
                    }
                    for (OperationHandle operation : List.copyOf(session.openOperations)) {
                        session.openOperations.remove(operation);
                        session.deliveringOperations.remove(operation);
                        try {
                            startedJobs.awaitStarted(handle, operation);
                            flink.closeOperation(handle, operation);
                            LOG.info(
                                    "Closed statement {} of session {} (user {}): its client has been silent for {} s",
                                    shortForm(operation.getIdentifier().toString()), shortForm(handle),
                                    session.principal.user(), TimeUnit.NANOSECONDS.toSeconds(session.silentForNanos()));
                        } catch (SqlGatewayException e) {
                            LOG.debug("A statement of session {} was already gone", shortForm(handle), e);
                        }
                    }
                });
    }

    /**
     * A handle as the gateway logs it: its first 8 characters. A full handle lets whoever reads the log act in the
     * session where handle-only requests are accepted.
     */
    static String shortForm(SessionHandle handle) {
        return shortForm(handle.getIdentifier().toString());
    }

    private static String shortForm(String identifier) {
        return identifier.substring(0, Math.min(8, identifier.length())) + "...";
    }

    private static long clamp(long value, long lowest, long highest) {
        return Math.max(lowest, Math.min(highest, value));
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
