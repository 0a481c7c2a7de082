package io.sluice.templates.flink;

import io.sluice.templates.BoundStatement;
import io.sluice.templates.Parameter;
import io.sluice.templates.Template;
import io.sluice.templates.TemplateBinder;
import io.sluice.templates.TemplateException;
import io.sluice.templates.Variables;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;

/**
 * Proves on Flink's own SQL parser that no bound value changed a statement's structure, and checks a template when
 * it is saved.
 */
public final class StructureCheck {

    static final String CHANGED = "a value changed the statement's structure (its statements, their kind, tables, "
            + "columns or operators); check the values given";

    private StructureCheck() {}

    /**
     * Parses the bound statement and its probe (the same statement with fixed values) and requires one statement of
     * the same structure, literal values aside. The bound statement's parse errors are never shown: they can quote
     * values, secrets among them.
     *
     * @throws io.sluice.templates.TemplateException when the bound statement's structure differs from its probe's
     */
    public static void check(BoundStatement bound) {
        SqlNode probe = oneStatement(bound.probeSql());
        List<SqlNode> statement;
        try {
            statement = FlinkSql.parse(bound.sql());
        } catch (FlinkSql.NotParsed e) {
            throw new TemplateException(null, CHANGED);
        }
        if (statement.size() != 1 || !StatementShape.of(statement.get(0)).equals(StatementShape.of(probe))) {
            throw new TemplateException(null, CHANGED);
        }
    }

    /**
     * Checks a template as it is saved: placeholders against the declared parameters, their lexical contexts,
     * defaults against their types, and that it parses (with probe values) as exactly one statement. A placeholder
     * that is no parameter must be a built-in variable.
     *
     * @throws io.sluice.templates.TemplateException naming what is wrong
     */
    public static void validate(Template template) {
        validate(template, Variables.none());
    }

    /**
     * As {@link #validate(Template)}, where a placeholder that is no parameter may also be one of {@code variables}
     * (a project's variables: only their kinds matter, their values are replaced by probes).
     */
    public static void validate(Template template, Variables variables) {
        BoundStatement samples = TemplateBinder.bindSamples(template, variables);
        Set<String> used = TemplateBinder.placeholderNames(template.sql());
        for (Parameter parameter : template.parameters()) {
            if (!used.contains(parameter.name())) {
                throw new TemplateException(parameter.name(), "parameter '" + parameter.name() + "' is declared but "
                        + "${" + parameter.name() + "} appears nowhere in the statement; use it or remove it");
            }
        }
        check(samples);
    }

    private static SqlNode oneStatement(String probeSql) {
        List<SqlNode> statements;
        try {
            statements = FlinkSql.parse(probeSql);
        } catch (FlinkSql.NotParsed e) {
            throw new TemplateException(null, "the statement is not Flink SQL: " + e.getMessage());
        }
        if (statements.size() != 1) {
            throw new TemplateException(null, "a template is exactly one statement; this one has " + statements.size());
        }
        return statements.get(0);
    }
}
