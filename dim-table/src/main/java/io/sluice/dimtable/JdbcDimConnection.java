package io.sluice.dimtable;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;

/** One JDBC connection with the key lookup prepared once. */
final class JdbcDimConnection implements DimConnection {

    /** Streams a full read instead of buffering the whole result in the driver. */
    private static final int SCAN_FETCH_SIZE = 1_000;

    private final Connection connection;
    private final JdbcFieldCodec[] columns;
    private final JdbcFieldCodec[] keys;
    private final PreparedStatement lookup;
    private final String scanSql;

    JdbcDimConnection(
            Connection connection, JdbcFieldCodec[] columns, JdbcFieldCodec[] keys, String lookupSql, String scanSql)
            throws SQLException {
        this.connection = connection;
        this.columns = columns;
        this.keys = keys;
        this.scanSql = scanSql;
        this.lookup = connection.prepareStatement(lookupSql);
    }

    @Override
    public List<RowData> read(RowData key) throws IOException {
        try {
            for (int i = 0; i < keys.length; i++) {
                keys[i].write(lookup, i + 1, ((GenericRowData) key).getField(i));
            }
            try (ResultSet resultSet = lookup.executeQuery()) {
                if (!resultSet.next()) {
                    return List.of();
                }
                List<RowData> rows = new ArrayList<>(1);
                do {
                    rows.add(toRow(resultSet));
                } while (resultSet.next());
                return rows;
            }
        } catch (SQLException e) {
            throw classify(e);
        }
    }

    @Override
    public void readAll(RowSink sink) throws IOException {
        try {
            // PostgreSQL only streams with a fetch size inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement scan = connection.prepareStatement(scanSql)) {
                scan.setFetchSize(SCAN_FETCH_SIZE);
                try (ResultSet resultSet = scan.executeQuery()) {
                    while (resultSet.next()) {
                        sink.accept(toRow(resultSet));
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw classify(e);
        }
    }

    private GenericRowData toRow(ResultSet resultSet) throws SQLException {
        GenericRowData row = new GenericRowData(columns.length);
        for (int i = 0; i < columns.length; i++) {
            row.setField(i, columns[i].read(resultSet, i + 1));
        }
        return row;
    }

    /**
     * Connection problems (SQLState class 08), server shutdown (57P), resource shortage (53) and
     * the driver's transient/recoverable kinds may pass; anything else (bad SQL, missing table,
     * permissions) will not.
     */
    static IOException classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean transientFailure =
                e instanceof SQLTransientException
                        || e instanceof SQLRecoverableException
                        || e instanceof SQLNonTransientConnectionException
                        || state.startsWith("08")
                        || state.startsWith("57P")
                        || state.startsWith("53")
                        || e.getCause() instanceof IOException;
        return transientFailure ? new SourceUnavailableException(e.getMessage(), e) : new IOException(e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The connection is being dropped because it failed or the job ends; nothing to recover.
        }
    }
}
