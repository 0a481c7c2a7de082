package io.sluice.templates;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds values into a template (or variables into a plain statement) as typed literals and quoted identifiers, by
 * the lexical context of each placeholder: never by splicing text a value could end.
 *
 * <p>A {@code ${name}} outside quotes becomes a complete literal of its kind (or quoted identifier); inside a plain
 * {@code '…'} literal it becomes the value's text with quotes doubled; inside a comment it stays as written; inside
 * any other quoted form it is refused. A name is the template's parameter if it has one of that name (parameters
 * shadow variables), else a variable; a name that is neither is an error, never an empty string.
 */
public final class TemplateBinder {

    private TemplateBinder() {}

    /** Binds a template's parameters from {@code values} (text forms, see {@link Parameter}) and its variables. */
    public static BoundStatement bind(
            Template template, Map<String, String> values, Variables variables, IdentifierResolver identifiers) {
        Map<String, Parameter> parameters = parameters(template);
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(parameters.keySet());
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw new TemplateException(name, "template '" + template.name() + "' has no parameter '" + name + "'"
                    + (parameters.isEmpty() ? "; it takes none" : "; its parameters are "
                            + String.join(", ", parameters.keySet())));
        }
        return new Binding(template.sql(), parameters, values, variables, identifiers).bind();
    }

    /** Binds the variables of a plain statement; a statement without placeholders comes back unchanged. */
    public static BoundStatement bindVariables(String sql, Variables variables) {
        if (!hasPlaceholders(sql)) {
            return new BoundStatement(sql, sql, sql, Set.of(), Map.of());
        }
        return new Binding(sql, Map.of(), Map.of(), variables, null).bind();
    }

    /**
     * Whether the binder would rewrite the statement: it holds a placeholder or a {@code $${} escape outside comments
     * ({@code $${} escapes one, and is rewritten to {@code ${}). A statement that does not lex (an unclosed literal)
     * counts when it holds a {@code ${} at all, so that binding reports the error rather than Flink running it.
     */
    public static boolean hasPlaceholders(String sql) {
        try {
            return !placeholders(sql, true).isEmpty();
        } catch (TemplateException e) {
            return sql.contains("${");
        }
    }

    /** The names of the placeholders outside comments, in order of first appearance. */
    public static Set<String> placeholderNames(String sql) {
        return placeholders(sql, false);
    }

    private static Set<String> placeholders(String sql, boolean withEscapes) {
        Set<String> names = new LinkedHashSet<>();
        for (SqlLexer.Token token : SqlLexer.tokens(sql)) {
            if (token.kind() == SqlLexer.Kind.PLACEHOLDER) {
                names.add(token.name());
            } else if (token.kind() == SqlLexer.Kind.ESCAPE && withEscapes) {
                names.add("$${");
            } else if (token.quoted()) {
                for (SqlLexer.Part part : SqlLexer.parts(sql, token)) {
                    if (part.kind() == SqlLexer.Kind.PLACEHOLDER) {
                        names.add(part.name());
                    } else if (part.kind() == SqlLexer.Kind.ESCAPE && withEscapes) {
                        names.add("$${");
                    }
                }
            }
        }
        return names;
    }

    /**
     * Binds a template without catalogs or values, for checking it as it is saved: every parameter gets its default,
     * or a sample of its kind; a table is {@code `sluice_sample`.`sluice_sample`.`<parameter>`} (or its default, so
     * qualified), and every column the template names or defaults is taken to exist. Variables come from
     * {@code variables}, then the built-in ones with sample values.
     */
    public static BoundStatement bindSamples(Template template, Variables variables) {
        Map<String, String> samples = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (Parameter parameter : parameters(template).values()) {
            String sample = parameter.defaultValue() != null ? parameter.defaultValue() : sample(parameter);
            samples.put(parameter.name(), sample);
            if (parameter.type().kind() == ParameterKind.COLUMN) {
                Subject subject = Subject.parameter(parameter.name());
                List<String> texts = parameter.type().list() ? JsonArray.read(subject, sample) : List.of(sample);
                texts.forEach(text -> columns.add(Identifiers.parts(subject, text, 1).get(0)));
            }
        }
        IdentifierResolver sampleCatalog = new IdentifierResolver() {
            @Override
            public List<String> table(String parameter, List<String> parts) {
                List<String> qualified = new ArrayList<>(List.of("sluice_sample", "sluice_sample").subList(0,
                        3 - parts.size()));
                qualified.addAll(parts);
                return qualified;
            }

            @Override
            public List<String> columns(String parameter, List<String> table) {
                return columns;
            }
        };
        Variables builtIn = BuiltInVariables.of("sample_project", "sample_environment", ZoneOffset.UTC,
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        return new Binding(template.sql(), parameters(template), samples, variables.then(builtIn), sampleCatalog)
                .bind();
    }

    private static String sample(Parameter parameter) {
        ParameterType type = parameter.type();
        String element;
        switch (type.kind()) {
            case TABLE:
            case COLUMN:
                element = parameter.name();
                break;
            case STRING:
                element = "sample";
                break;
            case ENUM:
                element = type.enumValues().get(0);
                break;
            case INTEGER:
                element = "1";
                break;
            case DECIMAL:
                element = "1.0";
                break;
            case BOOLEAN:
                element = "true";
                break;
            case DATE:
                element = "2000-01-01";
                break;
            case TIMESTAMP:
                element = "2000-01-01 00:00:00";
                break;
            default: // INTERVAL
                element = "1 s";
                break;
        }
        return type.list() ? "[\"" + element + "\"]" : element;
    }

    /** The template's parameters by name, each well-formed: a valid unique name, enum values, a column's table. */
    static Map<String, Parameter> parameters(Template template) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter parameter : template.parameters()) {
            String name = parameter.name();
            if (name == null || !SqlLexer.validName(name)) {
                throw new TemplateException(name, "a parameter name must be lower-case letters, digits and _ (at "
                        + "most 64, not starting with a digit)");
            }
            if (byName.put(name, parameter) != null) {
                throw new TemplateException(name, "parameter '" + name + "' is declared twice");
            }
            ParameterType type = parameter.type();
            if (type == null) {
                throw new TemplateException(name, "parameter '" + name + "' has no type");
            }
            if (type.kind() == ParameterKind.ENUM && type.enumValues().isEmpty()) {
                throw new TemplateException(name, "parameter '" + name + "' is an ENUM without values; list them");
            }
            if (type.kind() == ParameterKind.COLUMN && (type.table() == null || type.table().isBlank())) {
                throw new TemplateException(name, "parameter '" + name + "' is a COLUMN without a table; name a TABLE "
                        + "parameter or a table its columns are of");
            }
        }
        return byName;
    }
}
