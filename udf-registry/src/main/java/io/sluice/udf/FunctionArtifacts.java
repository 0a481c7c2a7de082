package io.sluice.udf;

import io.sluice.udf.jar.JarInspector;
import io.sluice.udf.sandbox.FunctionSandbox;
import java.util.List;

/**
 * Turns an upload or a source into a validated artifact, or refuses it naming the function and the reason: the jar
 * is read as data first (limits, platform classes, declared classes present), then its classes are checked by Flink
 * in the sandbox. A refused artifact leaves nothing behind.
 */
public final class FunctionArtifacts {

    private final JarInspector inspector;
    private final FunctionSandbox sandbox;

    public FunctionArtifacts(ArtifactLimits limits, FunctionSandbox sandbox) {
        this.inspector = new JarInspector(limits);
        this.sandbox = sandbox;
    }

    public ValidatedArtifact fromJar(byte[] jar, List<DeclaredFunction> functions) {
        inspector.inspect(jar, functions);
        sandbox.validate(jar, functions);
        return new ValidatedArtifact(Checksums.sha256(jar), jar, functions);
    }

    /** Compiles the source of one function (its class named by the declaration) and validates the result. */
    public ValidatedArtifact fromSource(DeclaredFunction function, String source) {
        return fromJar(sandbox.compile(function.className(), source), List.of(function));
    }
}
