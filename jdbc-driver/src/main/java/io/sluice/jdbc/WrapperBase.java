package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/** {@link Wrapper} for every object of the driver: each wraps nothing but itself. */
abstract class WrapperBase implements Wrapper {

    private final String noun;

    /** @param noun what the object is in an error, such as "result set" */
    WrapperBase(String noun) {
        this.noun = noun;
    }

    final String noun() {
        return noun;
    }

    @Override
    public final <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("This " + noun + " is not a " + iface.getName(), "HY000");
    }

    @Override
    public final boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
