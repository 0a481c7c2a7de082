package io.sluice.dimtable;

import org.apache.flink.table.data.RowData;

import java.io.IOException;
import java.util.List;

/**
 * One open connection to a dimension source. Failures that may pass are thrown as {@link
 * SourceUnavailableException}; any other {@link IOException} is permanent.
 */
interface DimConnection extends AutoCloseable {

    /** The rows whose key columns equal {@code key} (fields in lookup-key order, none null). */
    List<RowData> read(RowData key) throws IOException;

    /** Every row of the table. */
    void readAll(RowSink sink) throws IOException;

    @Override
    void close();

    /** Receives rows of a full read; may stop it by throwing. */
    @FunctionalInterface
    interface RowSink {
        void accept(RowData row) throws IOException;
    }
}
