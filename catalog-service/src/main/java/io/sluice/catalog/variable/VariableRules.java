package io.sluice.catalog.variable;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Names;
import io.sluice.templates.TemplateBinder;
import io.sluice.templates.TemplateException;
import io.sluice.templates.Variable;
import io.sluice.templates.Variables;
import java.util.List;
import java.util.Set;

/**
 * What a variable must be before it is stored: named by the placeholder rule and not as a built-in variable, for
 * an environment with a catalog, and with a value of its kind.
 */
final class VariableRules {

    private VariableRules() {}

    static String name(String name, Set<String> builtIn) {
        Names.requirePlaceholder("name", name);
        if (builtIn.contains(name)) {
            throw CatalogException.invalid("name", "'" + name + "' is a built-in variable (" + String.join(", ", builtIn.stream().sorted().toList())
                    + "); choose another name");
        }
        return name;
    }

    /** The environment a value is for; null is the project's value, which every environment without its own sees. */
    static Environment environment(String spelling) {
        Environment environment = spelling == null ? null : Environment.parse("environment", spelling);
        if (environment == Environment.DESIGN) {
            throw CatalogException.invalid("environment", "design runs no statements: set a value for test or prod, or for the "
                    + "whole project (no environment)");
        }
        return environment;
    }

    static VariableKind kind(String spelling) {
        if (spelling == null) {
            throw CatalogException.invalid("kind", "kind is required: one of string, integer, decimal, boolean, date, timestamp, interval");
        }
        return Names.parse(VariableKind.class, "kind", spelling);
    }

    /**
     * Refuses a value the binder would refuse, by binding it as the binder will: one rule for what a variable of a
     * kind holds. The library's messages never hold a secret value; a secret is masked in them regardless.
     */
    static String value(String name, VariableKind kind, String value, boolean secret) {
        if (value == null) {
            throw CatalogException.invalid("value", "value is required");
        }
        Variable variable = new Variable(name, kind.parameterKind(), value, secret);
        try {
            TemplateBinder.bindVariables("SELECT ${" + name + "}", Variables.of(List.of(variable)));
        } catch (TemplateException refused) {
            String message = refused.getMessage();
            throw CatalogException.invalid("value", secret && !value.isEmpty() ? message.replace(value, "***") : message);
        }
        return value;
    }
}
