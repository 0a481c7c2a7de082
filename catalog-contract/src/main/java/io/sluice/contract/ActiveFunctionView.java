package io.sluice.contract;

/**
 * A function a project's sessions use in one environment, as {@code GET /api/v1/projects/{p}/functions/active}
 * answers the gateway: the version active there and the artifact (by SHA-256) holding its class.
 *
 * @param name the SQL name
 * @param kind scalar, table, aggregate or table_aggregate
 * @param className the implementing class in the artifact
 * @param description what it does, for DESCRIBE FUNCTION
 * @param version the version active in the environment
 * @param artifactSha256 the artifact to fetch from {@code GET /api/v1/projects/{p}/functions/artifacts/{sha256}}
 */
public record ActiveFunctionView(
        String name, String kind, String className, String description, int version, String artifactSha256) {}
