package io.sluice.catalog.template;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Names;
import io.sluice.contract.TemplateParameterView;
import io.sluice.contract.TemplateView;
import io.sluice.templates.Parameter;
import io.sluice.templates.ParameterKind;
import io.sluice.templates.ParameterType;
import io.sluice.templates.Template;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a saved template must be before the library checks its SQL: bounded in size, named by the placeholder rule,
 * every parameter typed. Turns the contract's views into the library's model and back.
 */
final class TemplateRules {

    static final int MAX_SQL_BYTES = 64 * 1024;
    static final int MAX_PARAMETERS = 100;
    static final int MAX_DESCRIPTION = 2000;
    private static final int MAX_ENUM_VALUES = 100;
    /** The names EXECUTE TEMPLATE accepts. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,63}");

    private TemplateRules() {}

    /** The template as version {@code version} of the library's model; refuses what breaks a rule, naming it. */
    static Template template(NewTemplate body, int version) {
        if (body == null) {
            throw CatalogException.invalid("body", "send {name, description, sql, parameters}");
        }
        String name = name(body.name());
        description("description", body.description());
        if (body.sql() == null || body.sql().isBlank()) {
            throw CatalogException.invalid("sql", "sql is required: the statement with ${parameter} placeholders");
        }
        int bytes = body.sql().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SQL_BYTES) {
            throw CatalogException.invalid("sql", "sql has " + bytes + " bytes; a template holds at most " + MAX_SQL_BYTES);
        }
        List<TemplateParameterView> declared = body.parameters() == null ? List.of() : body.parameters();
        if (declared.size() > MAX_PARAMETERS) {
            throw CatalogException.invalid("parameters", "a template declares at most " + MAX_PARAMETERS
                    + " parameters; this one declares " + declared.size());
        }
        List<Parameter> parameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < declared.size(); i++) {
            Parameter parameter = parameter("parameters[" + i + "]", declared.get(i));
            if (!names.add(parameter.name())) {
                throw CatalogException.invalid("parameters[" + i + "]", "parameter '" + parameter.name() + "' is declared twice");
            }
            parameters.add(parameter);
        }
        return new Template(name, version, body.description(), body.sql(), parameters);
    }

    static String name(String name) {
        return Names.requireLowerCase("name", name, NAME, "2 to 64 lower-case letters, digits and underscores, starting with a letter");
    }

    /** A stored version as the library's model. */
    static Template template(TemplateView stored) {
        return template(new NewTemplate(stored.name(), stored.description(), stored.sql(), stored.parameters()), stored.version());
    }

    /** A parameter as the contract shows it. */
    static TemplateParameterView view(Parameter parameter) {
        ParameterType type = parameter.type();
        return new TemplateParameterView(parameter.name(), spelling(type.kind()), type.list(), type.enumValues(), type.table(),
                parameter.defaultValue(), parameter.description());
    }

    static Parameter parameter(String field, TemplateParameterView view) {
        if (view == null) {
            throw CatalogException.invalid(field, field + " is empty: give at least name and kind");
        }
        String name = Names.requirePlaceholder(field + ".name", view.name());
        ParameterKind kind = kind(field + ".kind", view.kind());
        description(field + ".description", view.description());
        List<String> enumValues = view.enumValues() == null ? List.of() : view.enumValues();
        if (enumValues.size() > MAX_ENUM_VALUES) {
            throw CatalogException.invalid(field + ".enumValues", "an enum takes at most " + MAX_ENUM_VALUES + " values");
        }
        if (view.defaultValue() != null && view.defaultValue().length() > MAX_DESCRIPTION) {
            throw CatalogException.invalid(field + ".defaultValue", "a default value has at most " + MAX_DESCRIPTION + " characters");
        }
        return new Parameter(name, new ParameterType(kind, view.list(), enumValues, view.table()), view.defaultValue(),
                view.description());
    }

    static ParameterKind kind(String field, String spelling) {
        for (ParameterKind kind : ParameterKind.values()) {
            if (spelling(kind).equals(spelling)) {
                return kind;
            }
        }
        throw CatalogException.invalid(field, field + " must be one of "
                + Arrays.stream(ParameterKind.values()).map(TemplateRules::spelling).collect(Collectors.joining(", "))
                + (spelling == null ? "" : "; got '" + spelling + "'"));
    }

    static String spelling(ParameterKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static void description(String field, String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw CatalogException.invalid(field, field + " has " + description.length() + " characters; at most "
                    + MAX_DESCRIPTION + " are kept");
        }
    }
}
