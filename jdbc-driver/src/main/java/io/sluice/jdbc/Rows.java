package io.sluice.jdbc;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

/** Where a result's rows come from: the gateway, page by page, or a list the driver made. */
interface Rows extends AutoCloseable {

    /** The next row's fields as the gateway sends them; null after the last row. */
    List<Object> next() throws SQLException;

    @Override
    void close() throws SQLException;

    static Rows of(List<List<Object>> rows) {
        Iterator<List<Object>> iterator = rows.iterator();
        return new Rows() {
            @Override
            public List<Object> next() {
                return iterator.hasNext() ? iterator.next() : null;
            }

            @Override
            public void close() {}
        };
    }
}
