package io.sluice.gateway.functions;

import org.apache.flink.table.catalog.CatalogFunction;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The project functions the planner resolves while a statement is parsed and run on this thread: Flink looks every
 * function a plan calls up in the catalog ({@code getFunction}), so what the catalog hands out while the statement is
 * planned is exactly what its job runs — no reading of the statement's text.
 */
public final class FunctionUses {

    private static final ThreadLocal<Set<FunctionUse>> USED = new ThreadLocal<>();

    private FunctionUses() {}

    /** Records on this thread until closed. */
    public static Recording record() {
        Set<FunctionUse> used = new LinkedHashSet<>();
        USED.set(used);
        return new Recording(used);
    }

    /** Records a function the catalog resolved, if it is a project function and a statement is recording. */
    public static void resolved(CatalogFunction function) {
        Set<FunctionUse> used = USED.get();
        if (used != null && function.getFunctionResources() != null) {
            function.getFunctionResources().stream()
                    .filter(ArtifactResource.class::isInstance)
                    .map(resource -> ((ArtifactResource) resource).use())
                    .forEach(used::add);
        }
    }

    /** The functions resolved while it was open. */
    public static final class Recording implements AutoCloseable {
        private final Set<FunctionUse> used;

        private Recording(Set<FunctionUse> used) {
            this.used = used;
        }

        public Set<FunctionUse> used() {
            return Set.copyOf(used);
        }

        @Override
        public void close() {
            USED.remove();
        }
    }
}
