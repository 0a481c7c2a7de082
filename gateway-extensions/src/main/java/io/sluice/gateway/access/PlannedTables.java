package io.sluice.gateway.access;

import org.apache.flink.table.catalog.ObjectIdentifier;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tables the catalog's table factory builds while {@link StatementAnalyzer} parses a statement on this thread.
 * Flink builds a statement's sources while it parses, before any access decision; the factory's check records them
 * here instead of deciding, and the analyzer refuses the statement if the planner built a table its analysis did
 * not find, so that a shape the analysis misses fails closed instead of running unchecked.
 */
final class PlannedTables {

    private static final ThreadLocal<Set<ObjectIdentifier>> BUILT = new ThreadLocal<>();

    private PlannedTables() {}

    /** Starts recording on this thread; returns what {@link #stop} needs. */
    static Set<ObjectIdentifier> start() {
        Set<ObjectIdentifier> built = new LinkedHashSet<>();
        BUILT.set(built);
        return built;
    }

    static void stop() {
        BUILT.remove();
    }

    /**
     * Runs a statement that only defines views (see {@link StatementAnalyzer.Analysis#definesViewsOnly}) with the
     * table factory recording, not deciding: the view's sources are built to validate it, not to read them.
     */
    static <T> T definingViews(java.util.function.Supplier<T> definition) {
        start();
        try {
            return definition.get();
        } finally {
            stop();
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
