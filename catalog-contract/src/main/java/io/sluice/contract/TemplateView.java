package io.sluice.contract;

import java.util.List;

/**
 * One version of a SQL template, as catalog-service answers it (to users and to the gateway alike: a template holds
 * no secret).
 *
 * @param name the template's name, unique among the project's templates and the platform's presets
 * @param version the immutable version, from 1
 * @param project the owner project; null for a platform preset
 * @param description what it does
 * @param sql the SQL text with {@code ${name}} placeholders
 * @param parameters the typed parameters it declares
 * @param createdBy who saved this version
 */
public record TemplateView(
        String name,
        int version,
        String project,
        String description,
        String sql,
        List<TemplateParameterView> parameters,
        String createdBy) {}
