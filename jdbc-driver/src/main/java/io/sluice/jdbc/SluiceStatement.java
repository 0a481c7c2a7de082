package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs statements on the connection's session, one at a time: a new execute closes the previous result (and the
 * gateway cancels its job). {@link #cancel} from another thread ends the running one.
 */
class SluiceStatement extends FetchHintsBase implements Statement {

    private final SluiceConnection connection;
    private final List<String> batch = new ArrayList<>();
    private Operation running;
    private SluiceResultSet result;
    private int updateCount = -1;
    private int maxRows;
    private int queryTimeout;

    SluiceStatement(SluiceConnection connection) {
        super("statement", "HY010");
        this.connection = connection;
    }

    @Override
    void open() throws SQLException {
        super.open();
        connection.open();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return run(sql);
    }

    final boolean run(String sql) throws SQLException {
        open();
        endPrevious();
        Operation operation = new Operation(connection.gateway(), connection.gateway().execute(sql), maxRows,
                queryTimeout);
        synchronized (this) {
            running = operation;
        }
        operation.start();
        if (operation.hasRows()) {
            result = new SluiceResultSet(this, operation.columns(), operation);
            return true;
        }
        operation.close();
        updateCount = 0;
        return false;
    }

    private void endPrevious() throws SQLException {
        if (result != null) {
            result.close();
            result = null;
        }
        updateCount = -1;
        synchronized (this) {
            if (running != null) {
                running.close();
                running = null;
            }
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return query(sql);
    }

    final ResultSet query(String sql) throws SQLException {
        if (!run(sql)) {
            throw new SQLException("The statement returns no rows: run it with execute or executeUpdate", "07000");
        }
        return result;
    }

    /** DDL, SET, USE and INSERT return 0: the gateway does not count the rows an INSERT job writes. */
    @Override
    public int executeUpdate(String sql) throws SQLException {
        return update(sql);
    }

    final int update(String sql) throws SQLException {
        if (run(sql)) {
            endPrevious();
            throw new SQLException("The statement returns rows: run it with executeQuery", "07000");
        }
        return updateCount;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        open();
        return result;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        open();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        open();
        if (current != CLOSE_CURRENT_RESULT && result != null) {
            throw new SQLFeatureNotSupportedException("A statement has one result at a time: only "
                    + "CLOSE_CURRENT_RESULT is supported", "0A000");
        }
        endPrevious();
        return false;
    }

    @Override
    public void cancel() throws SQLException {
        open();
        Operation operation;
        synchronized (this) {
            operation = running;
        }
        if (operation != null) {
            operation.cancel();
        }
    }

    @Override
    public void close() throws SQLException {
        if (!isClosed()) {
            endPrevious();
            markClosed();
            connection.forget(this);
        }
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        open();
        if (max < 0) {
            throw new SQLException("maxRows must be 0 (no limit) or more", "22023");
        }
        maxRows = max;
    }

    @Override
    public int getMaxRows() throws SQLException {
        open();
        return maxRows;
    }

    /** Checked while the driver waits for rows; at the timeout the statement is closed (its job cancelled). */
    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        open();
        if (seconds < 0) {
            throw new SQLException("The query timeout must be 0 (none) or more seconds", "22023");
        }
        queryTimeout = seconds;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        open();
        return queryTimeout;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        open();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        open();
        batch.clear();
    }

    /** Runs the statements one by one; each returns SUCCESS_NO_INFO (the gateway does not count rows). */
    @Override
    public int[] executeBatch() throws SQLException {
        open();
        List<String> statements = new ArrayList<>(batch);
        batch.clear();
        return runBatch(statements);
    }

    int[] runBatch(List<String> statements) throws SQLException {
        int[] counts = new int[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            try {
                if (run(statements.get(i))) {
                    endPrevious();
                    throw new SQLException("Batch statement " + (i + 1) + " returns rows; a batch takes only "
                            + "statements that do not", "07000");
                }
            } catch (SQLException e) {
                int[] done = Arrays.copyOf(counts, i);
                throw new java.sql.BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), done, e);
            }
            counts[i] = SUCCESS_NO_INFO;
        }
        return counts;
    }

    @Override
    public Connection getConnection() throws SQLException {
        open();
        return connection;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        open();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        open();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        open();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        open();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        open();
        if (max != 0) {
            throw new SQLFeatureNotSupportedException("maxFieldSize is not supported (only 0, no limit)", "0A000");
        }
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        open();
        if (enable) {
            return;
        }
        throw new SQLFeatureNotSupportedException("The driver does not process JDBC escapes; there is nothing to "
                + "turn off", "0A000");
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw new SQLFeatureNotSupportedException("Named cursors are not supported", "0A000");
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        throw new SQLFeatureNotSupportedException("Flink SQL generates no keys", "0A000");
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        noGeneratedKeys(autoGeneratedKeys);
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw new SQLFeatureNotSupportedException("Flink SQL generates no keys", "0A000");
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        throw new SQLFeatureNotSupportedException("Flink SQL generates no keys", "0A000");
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        noGeneratedKeys(autoGeneratedKeys);
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw new SQLFeatureNotSupportedException("Flink SQL generates no keys", "0A000");
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        throw new SQLFeatureNotSupportedException("Flink SQL generates no keys", "0A000");
    }

    private static void noGeneratedKeys(int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys != NO_GENERATED_KEYS) {
            throw new SQLFeatureNotSupportedException("Flink SQL generates no keys", "0A000");
        }
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        open();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        open();
        return false;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        throw new SQLFeatureNotSupportedException("closeOnCompletion is not supported: close the statement", "0A000");
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        open();
        return false;
    }
}
