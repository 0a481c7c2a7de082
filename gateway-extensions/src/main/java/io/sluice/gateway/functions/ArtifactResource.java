package io.sluice.gateway.functions;

import org.apache.flink.table.resource.ResourceType;
import org.apache.flink.table.resource.ResourceUri;

/**
 * A function's jar as Flink loads it (by its path on the gateway's disk) and as a session is shown it, e.g. in
 * {@code DESCRIBE FUNCTION}: by the function's version and the artifact's checksum, never by the gateway's path.
 */
final class ArtifactResource extends ResourceUri {

    private final String shown;
    private final FunctionUse use;

    ArtifactResource(String jarUri, String project, String function, int version, String kind, String sha256) {
        super(ResourceType.JAR, jarUri);
        this.use = new FunctionUse(project, function, version);
        this.shown = function + " version " + version + " (" + kind + "), artifact sha256:" + sha256;
    }

    FunctionUse use() {
        return use;
    }

    @Override
    public String toString() {
        return shown;
    }
}
