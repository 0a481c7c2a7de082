package io.sluice.gateway.access;

import org.apache.flink.table.catalog.ObjectIdentifier;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tables the catalog's table factory builds while a statement is parsed and analysed on this thread. Flink builds
 * a statement's sources while it parses, before any access decision; the factory's check records them here instead of
 * deciding, and the analysis refuses the statement if the planner built a table it did not find, so that a shape the
 * analysis misses fails closed instead of running unchecked.
 */
public final class PlannedTables {

    private static final ThreadLocal<Set<ObjectIdentifier>> BUILT = new ThreadLocal<>();

    private PlannedTables() {}

    /** Records on this thread until closed. */
    public static Recording record() {
        Set<ObjectIdentifier> built = new LinkedHashSet<>();
        BUILT.set(built);
        return new Recording(built);
    }

    /** The tables built while it was open. */
    public static final class Recording implements AutoCloseable {
        private final Set<ObjectIdentifier> built;

        private Recording(Set<ObjectIdentifier> built) {
            this.built = built;
        }

        public Set<ObjectIdentifier> built() {
            return built;
        }

        @Override
        public void close() {
            BUILT.remove();
        }
    }

    /** Records a table built while a statement is analysed on this thread; false when none is. */
    static boolean record(ObjectIdentifier table) {
        Set<ObjectIdentifier> built = BUILT.get();
        if (built == null) {
            return false;
        }
        built.add(table);
        return true;
    }
}
