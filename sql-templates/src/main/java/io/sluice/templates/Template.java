package io.sluice.templates;

import java.util.List;

/** One immutable version of a template: SQL text with {@code ${name}} placeholders and the parameters it declares. */
public record Template(String name, int version, String description, String sql, List<Parameter> parameters) {

    public Template {
        parameters = List.copyOf(parameters);
    }
}
