package io.sluice.catalog.function;

import io.sluice.udf.ArtifactLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How tenant functions are checked ({@code sluice.functions.*}).
 *
 * @param sandboxClasspath the classpath of the throwaway JVM that compiles and checks functions: Flink's {@code lib/}
 *     jars and {@code udf-registry.jar} (a folder ending in {@code /*} takes every jar in it); empty: the Flink this
 *     build was made with, where that is on disk (tests, the local stack)
 * @param maxJarSize the largest upload; the request limit ({@code spring.servlet.multipart.*}) must allow it
 * @param checkTimeout how long one check may run before it is refused
 * @param checkHeap the heap of the checking JVM
 * @param concurrentChecks checks running at once; more uploads wait
 */
@ConfigurationProperties("sluice.functions")
public record FunctionSettings(
        @DefaultValue List<Path> sandboxClasspath,
        @DefaultValue("20MB") DataSize maxJarSize,
        @DefaultValue("60s") Duration checkTimeout,
        @DefaultValue("256MB") DataSize checkHeap,
        @DefaultValue("2") int concurrentChecks) {

    ArtifactLimits limits() {
        ArtifactLimits defaults = ArtifactLimits.DEFAULTS;
        return new ArtifactLimits(
                maxJarSize.toBytes(), defaults.maxEntries(), defaults.maxUnpackedBytes(), defaults.maxSourceChars(),
                defaults.maxFunctions(), checkTimeout, (int) checkHeap.toMegabytes());
    }
}
