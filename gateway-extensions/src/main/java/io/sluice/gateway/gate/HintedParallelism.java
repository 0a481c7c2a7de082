package io.sluice.gateway.gate;

import io.sluice.gateway.access.Denial;
import io.sluice.gateway.access.StatementAccess;
import io.sluice.gateway.access.TableAccess;
import io.sluice.gateway.admission.JobStatements;

import org.apache.flink.configuration.ReadableConfig;

import java.util.List;
import java.util.Optional;

/**
 * An {@code OPTIONS} hint may run a source or sink with fewer parallel tasks than the statement, never more: the
 * statement's parallelism is what the project's parallelism and slot quotas are checked against, so a hint above it
 * would hold slots no quota counted.
 */
final class HintedParallelism {

    private static final List<String> KEYS = List.of("scan.parallelism", "sink.parallelism");

    private HintedParallelism() {}

    static Optional<Denial> check(StatementAccess access, ReadableConfig config) {
        int statement = JobStatements.parallelism(config);
        for (TableAccess table : access.tables()) {
            for (String key : KEYS) {
                String value = table.hintedOptions().get(key);
                if (value != null && !withinStatement(value.trim(), statement)) {
                    String name = table.table().asSummaryString();
                    return Optional.of(new Denial(name, "hint",
                            "an OPTIONS hint may not set " + key + " to '" + value + "' on " + name + ": hints may set "
                                    + "a whole number from 1 to the statement's parallelism (" + statement + "); "
                                    + "raise the session's parallelism within the project's quota instead."));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean withinStatement(String value, int statement) {
        try {
            int hinted = Integer.parseInt(value);
            return hinted >= 1 && hinted <= statement;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
