package io.sluice.gateway.templates;

import io.sluice.contract.VariableView;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.templates.ParameterKind;
import io.sluice.templates.Variable;
import io.sluice.templates.Variables;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A project's variables for one statement, read from catalog-service only when the statement names one: a statement
 * without variables costs no call.
 */
final class ProjectVariables implements Variables {

    private final CatalogServiceClient catalogService;
    private final String project;
    private final String environment;
    private final String user;
    private Map<String, Variable> read;

    ProjectVariables(CatalogServiceClient catalogService, String project, String environment, String user) {
        this.catalogService = catalogService;
        this.project = project;
        this.environment = environment;
        this.user = user;
    }

    @Override
    public Optional<Variable> lookup(String name) {
        if (read == null) {
            read = catalogService.variables(project, environment, user).stream()
                    .map(ProjectVariables::variable)
                    .collect(Collectors.toMap(Variable::name, Function.identity()));
        }
        return Optional.ofNullable(read.get(name));
    }

    private static Variable variable(VariableView view) {
        return new Variable(view.name(), ParameterKind.valueOf(view.kind().toUpperCase(Locale.ROOT)), view.value(),
                view.secret());
    }
}
