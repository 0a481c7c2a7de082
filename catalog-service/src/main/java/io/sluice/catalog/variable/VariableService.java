package io.sluice.catalog.variable;

import io.sluice.catalog.audit.OnBehalfOf;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.ProjectAccess;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.VariableView;
import io.sluice.templates.BuiltInVariables;
import io.sluice.templates.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's variables: a value for the whole project and, where an environment needs another, one for that
 * environment. A secret's value is stored sealed, and only the gateway (and a render inside this service) reads it.
 */
@Service
@Transactional
public class VariableService {

    private static final String ITEMS = "variables";

    private final VariableRepository variables;
    private final ProjectAccess access;
    private final IdentityService identity;

    VariableService(VariableRepository variables, ProjectAccess access, IdentityService identity) {
        this.variables = variables;
        this.access = access;
        this.identity = identity;
    }

    /** A variable's value as a user sets it; {@code secret} null is false, {@code environment} null the project's. */
    public record Change(String kind, String value, Boolean secret, String environment) {}

    public VariableView put(UserAccount actor, String projectName, String name, Change change) {
        Project project = identity.project(projectName);
        access.requireDeveloper(actor, project, ITEMS);
        if (change == null) {
            throw CatalogException.invalid("body", "send {kind, value, secret, environment}");
        }
        VariableRules.name(name, BuiltInVariables.NAMES);
        VariableKind kind = VariableRules.kind(change.kind());
        boolean secret = Boolean.TRUE.equals(change.secret());
        StoredVariable variable = new StoredVariable(name, VariableRules.environment(change.environment()), kind,
                VariableRules.value(name, kind, change.value(), secret), secret);
        variables.put(project.id(), variable, actor.getUsername());
        return new StoredVariable(name, variable.environment(), kind, variable.secret() ? null : variable.value(),
                variable.secret()).view();
    }

    /** Every value of the project's variables, secret values left out. */
    @Transactional(readOnly = true)
    public List<VariableView> list(UserAccount actor, String projectName) {
        Project project = identity.project(projectName);
        access.requireReader(actor, project, ITEMS);
        return variables.shown(project.id()).stream().map(StoredVariable::view).toList();
    }

    public void delete(UserAccount actor, String projectName, String name, String environment) {
        Project project = identity.project(projectName);
        access.requireDeveloper(actor, project, ITEMS);
        Environment scope = VariableRules.environment(environment);
        if (!variables.delete(project.id(), name, scope)) {
            throw CatalogException.missing("project " + project.name() + " has no variable '" + name + "'"
                    + (scope == null ? " of its own (without an environment)" : " for " + scope.spelling()));
        }
    }

    /**
     * The variables statements in {@code environment} see (null: the project's values only), secret values opened,
     * for the gateway, which names the user whose statement needs them.
     */
    @Transactional(readOnly = true)
    public List<VariableView> resolvedForGateway(UserAccount actor, String projectName, String environment, String onBehalfOf) {
        IdentityService.requireRole(actor, PlatformRole.GATEWAY, "read the values of secret variables");
        OnBehalfOf.check(actor, onBehalfOf);
        Project project = identity.project(projectName);
        return resolved(project, VariableRules.environment(environment)).stream().map(StoredVariable::view).toList();
    }

    /** The same for this service's own binding (a render), as the library's variables. */
    @Transactional(readOnly = true)
    public List<Variable> bindable(Project project, Environment environment) {
        return resolved(project, environment).stream().map(StoredVariable::bindable).toList();
    }

    /**
     * Every variable the project has a value of in some environment (the project's value first), for checking a
     * template as it is saved: a statement may use a variable set for prod only.
     */
    @Transactional(readOnly = true)
    public List<Variable> declared(Project project) {
        return variables.opened(project.id()).stream().map(StoredVariable::bindable).toList();
    }

    private List<StoredVariable> resolved(Project project, Environment environment) {
        Map<String, StoredVariable> byName = new LinkedHashMap<>();
        for (StoredVariable variable : variables.opened(project.id())) {
            // the project's value comes first in the list: an environment's own value replaces it
            if (variable.environment() == null || variable.environment() == environment) {
                byName.put(variable.name(), variable);
            }
        }
        return List.copyOf(byName.values());
    }
}
