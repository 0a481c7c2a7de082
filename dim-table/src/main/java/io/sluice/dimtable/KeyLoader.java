package io.sluice.dimtable;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of one key and compacts them to binary rows. Owned by one thread: the reader's
 * connection and the serializer's reused writer are not thread-safe.
 */
final class KeyLoader implements AutoCloseable {

    private final RetryingReader reader;
    private final RowDataSerializer rows;

    KeyLoader(RetryingReader reader, RowDataSerializer rows) {
        this.reader = reader;
        this.rows = rows;
    }

    void connect() throws IOException {
        reader.connect();
    }

    List<RowData> load(RowData keyRow) throws IOException {
        List<RowData> found = reader.read(() -> "looking up key " + keyRow, connection -> connection.read(keyRow));
        if (found.isEmpty()) {
            return List.of();
        }
        List<RowData> binary = new ArrayList<>(found.size());
        for (RowData row : found) {
            // Binary rows take less memory in the cache and are copied downstream with one memcpy.
            binary.add(rows.toBinaryRow(row).copy());
        }
        return List.copyOf(binary);
    }

    @Override
    public void close() {
        reader.close();
    }
}
