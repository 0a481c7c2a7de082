package io.sluice.catalog.template;

import io.sluice.contract.TemplateParameterView;
import java.util.List;

/** A template as a user saves it (or as a preset is shipped): the next version of {@code name}. */
public record NewTemplate(String name, String description, String sql, List<TemplateParameterView> parameters) {}
