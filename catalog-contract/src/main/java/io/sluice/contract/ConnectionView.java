package io.sluice.contract;

import java.util.Map;

/**
 * How to reach a data source in one environment, secrets included. Served only to callers with the
 * platform role {@code gateway} by
 * {@code GET /api/v1/environments/{environment}/datasources/{name}/connection}; users never see it.
 *
 * @param properties non-secret settings, e.g. {@code bootstrap.servers}, {@code url}, {@code username}
 * @param secrets decrypted secret settings, e.g. {@code password}
 */
public record ConnectionView(
        String dataSource,
        String kind,
        String environment,
        Map<String, String> properties,
        Map<String, String> secrets) {}
