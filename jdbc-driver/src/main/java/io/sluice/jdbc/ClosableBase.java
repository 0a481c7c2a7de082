package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;

/**
 * A connection, statement or result set: every method but {@code close} and {@code isClosed} refuses once it is
 * closed, with the SQLState JDBC gives for that kind. The driver has no warnings to report: the gateway's refusals are
 * errors.
 */
abstract class ClosableBase extends WrapperBase {

    private final String closedState;
    private volatile boolean closed;

    /** @param closedState the SQLState of a call after close; a connection state (08...) is a connection error */
    ClosableBase(String noun, String closedState) {
        super(noun);
        this.closedState = closedState;
    }

    /** @throws SQLException when this object is closed */
    void open() throws SQLException {
        if (closed) {
            String message = "The " + noun() + " is closed";
            throw closedState.startsWith("08") ? new SQLNonTransientConnectionException(message, closedState)
                    : new SQLException(message, closedState);
        }
    }

    /** @return whether this call closed it (false when it was closed already) */
    final synchronized boolean markClosed() {
        boolean wasOpen = !closed;
        closed = true;
        return wasOpen;
    }

    public final boolean isClosed() {
        return closed;
    }

    public final SQLWarning getWarnings() throws SQLException {
        open();
        return null;
    }

    public final void clearWarnings() throws SQLException {
        open();
    }
}
