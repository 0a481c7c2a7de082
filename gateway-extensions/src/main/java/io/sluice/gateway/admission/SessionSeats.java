package io.sluice.gateway.admission;

import io.sluice.contract.PrincipalView;
import io.sluice.contract.QuotaView;
import io.sluice.gateway.errors.ClientError;

import org.apache.flink.table.gateway.api.session.SessionHandle;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Open sessions per user and project, held to the project's {@code maxSessionsPerUser}: the session that would
 * be one too many is refused before Flink opens it. A seat is given back when the session closes or idles out.
 */
public final class SessionSeats {

    private record Holder(String project, String user) {}

    private final QuotaBook quotas;
    private final Map<Holder, Integer> open = new HashMap<>();
    private final Map<SessionHandle, Holder> seats = new HashMap<>();

    public SessionSeats(QuotaBook quotas) {
        this.quotas = quotas;
    }

    /**
     * Opens a session with {@code opener} if the principal has a seat left, and keeps the seat for it. A principal
     * without a project runs no jobs and holds no seat.
     */
    public SessionHandle open(PrincipalView principal, Supplier<SessionHandle> opener) {
        if (principal.project() == null) {
            return opener.get();
        }
        QuotaView quota = quotas.of(principal.project());
        Holder holder = new Holder(principal.project(), principal.user());
        synchronized (this) {
            int already = open.getOrDefault(holder, 0);
            if (already >= quota.maxSessionsPerUser()) {
                throw ClientError.overQuota(QuotaMessages.sessions(quota, principal.user(), already)).raise();
            }
            open.merge(holder, 1, Integer::sum);
        }
        SessionHandle handle;
        try {
            handle = opener.get();
        } catch (RuntimeException | Error e) {
            release(holder);
            throw e;
        }
        synchronized (this) {
            seats.put(handle, holder);
        }
        return handle;
    }

    /** Gives the session's seat back; nothing happens for a session that held none or gave it back already. */
    public synchronized void closed(SessionHandle handle) {
        Holder holder = seats.remove(handle);
        if (holder != null) {
            release(holder);
        }
    }

    private synchronized void release(Holder holder) {
        open.computeIfPresent(holder, (h, n) -> n > 1 ? n - 1 : null);
    }
}
