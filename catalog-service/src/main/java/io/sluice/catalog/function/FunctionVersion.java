package io.sluice.catalog.function;

import java.time.OffsetDateTime;

/** One immutable version of a function: the artifact (by checksum) and class it runs, and who made it when. */
public record FunctionVersion(
        int version,
        String kind,
        String className,
        String description,
        String artifactSha256,
        long artifactSize,
        String origin,
        String createdBy,
        OffsetDateTime createdAt) {}
