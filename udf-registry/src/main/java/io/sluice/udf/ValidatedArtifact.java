package io.sluice.udf;

import java.util.List;

/** An artifact that passed every check: its bytes, their SHA-256 (its identity) and the functions it provides. */
public record ValidatedArtifact(String sha256, byte[] jar, List<DeclaredFunction> functions) {

    public ValidatedArtifact {
        functions = List.copyOf(functions);
    }

    public long size() {
        return jar.length;
    }
}
