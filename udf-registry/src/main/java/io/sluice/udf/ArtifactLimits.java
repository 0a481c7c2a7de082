package io.sluice.udf;

import java.time.Duration;

/**
 * What one upload or source may cost: the jar's size and what it unpacks to (a small zip can unpack to gigabytes),
 * its entry count, the source's size, and the time and memory the throwaway JVM that compiles and checks it gets.
 */
public record ArtifactLimits(
        long maxJarBytes,
        int maxEntries,
        long maxUnpackedBytes,
        int maxSourceChars,
        int maxFunctions,
        Duration sandboxTimeout,
        int sandboxHeapMegabytes) {

    public static final ArtifactLimits DEFAULTS =
            new ArtifactLimits(20L << 20, 5_000, 100L << 20, 200_000, 50, Duration.ofSeconds(60), 256);
}
