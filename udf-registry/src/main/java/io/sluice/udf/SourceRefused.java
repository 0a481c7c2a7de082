package io.sluice.udf;

import java.util.List;
import java.util.stream.Collectors;

/** A submitted source that does not compile: every error with its line and column. Nothing is stored. */
public final class SourceRefused extends RuntimeException {

    private final List<CompileError> errors;

    public SourceRefused(List<CompileError> errors) {
        super("the source does not compile: " + errors.stream()
                .map(e -> "line " + e.line() + ", column " + e.column() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<CompileError> errors() {
        return errors;
    }
}
