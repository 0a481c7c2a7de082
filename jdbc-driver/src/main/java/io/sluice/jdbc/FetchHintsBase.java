package io.sluice.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** A statement or result set: it reads forward only, and its fetch size is a hint, as the gateway pages results. */
abstract class FetchHintsBase extends ClosableBase {

    private int fetchSize;

    FetchHintsBase(String noun, String closedState) {
        super(noun, closedState);
    }

    public final void setFetchDirection(int direction) throws SQLException {
        open();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLFeatureNotSupportedException("Results are read forward only (FETCH_FORWARD)", "0A000");
        }
    }

    public final int getFetchDirection() throws SQLException {
        open();
        return ResultSet.FETCH_FORWARD;
    }

    public final void setFetchSize(int rows) throws SQLException {
        open();
        if (rows < 0) {
            throw new SQLException("The fetch size must be 0 or more", "22023");
        }
        fetchSize = rows;
    }

    public final int getFetchSize() throws SQLException {
        open();
        return fetchSize;
    }
}
