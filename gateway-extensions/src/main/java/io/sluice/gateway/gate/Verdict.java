package io.sluice.gateway.gate;

import io.sluice.gateway.access.Denial;
import io.sluice.gateway.errors.ClientError;

import org.apache.flink.table.operations.Operation;

import java.util.List;
import java.util.Optional;

/**
 * What the gate made of a statement: the operations the session's parser produced, which are what runs, and the
 * reason it may not run, if there is one.
 */
public record Verdict(List<Operation> operations, Optional<Denial> denial) {

    public Verdict {
        operations = List.copyOf(operations);
    }

    /** The operations, or a {@code 403 Access denied: …} {@link ClientError}. */
    public List<Operation> allowedOperations() {
        denial.ifPresent(d -> {
            throw ClientError.denied(d.message()).raise();
        });
        return operations;
    }
}
