package io.sluice.catalog.function;

import io.sluice.catalog.common.CatalogException;
import io.sluice.udf.FunctionArtifacts;
import io.sluice.udf.sandbox.FunctionSandbox;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The registry's checks as the service runs them: in a throwaway JVM on the configured classpath, set up on first
 * use, so that a service without one still starts and refuses only function uploads, saying what to configure.
 */
@Component
class FunctionChecks {

    private final FunctionSettings settings;
    private FunctionArtifacts artifacts;

    FunctionChecks(FunctionSettings settings) {
        this.settings = settings;
    }

    synchronized FunctionArtifacts artifacts() {
        if (artifacts == null) {
            List<Path> classpath;
            try {
                classpath = settings.sandboxClasspath().isEmpty()
                        ? FunctionSandbox.classpathOfThisBuild()
                        : settings.sandboxClasspath();
            } catch (IllegalStateException e) {
                throw CatalogException.upstream("functions cannot be checked on this catalog-service: set "
                        + "sluice.functions.sandbox-classpath to Flink's lib/ jars and udf-registry.jar");
            }
            artifacts = new FunctionArtifacts(
                    settings.limits(), new FunctionSandbox(classpath, settings.limits(), settings.concurrentChecks()));
        }
        return artifacts;
    }
}
