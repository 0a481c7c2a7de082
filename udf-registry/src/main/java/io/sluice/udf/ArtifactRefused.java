package io.sluice.udf;

/**
 * An artifact or source the registry will not store, with the function it is about (null when about the whole
 * artifact) and the reason in the user's words. Nothing of a refused artifact is kept.
 */
public final class ArtifactRefused extends RuntimeException {

    private final String function;
    private final String reason;

    public ArtifactRefused(String function, String reason) {
        super(function == null ? reason : "function " + function + ": " + reason);
        this.function = function;
        this.reason = reason;
    }

    /** The function the refusal is about, or null when it is about the artifact as a whole. */
    public String function() {
        return function;
    }

    public String reason() {
        return reason;
    }
}
