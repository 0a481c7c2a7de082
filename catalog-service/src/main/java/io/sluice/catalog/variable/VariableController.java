package io.sluice.catalog.variable;

import io.sluice.catalog.audit.Audited;
import io.sluice.catalog.audit.OnBehalfOf;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.VariableView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "variables", description = "A project's ${name} variables, per project and per environment; secret ones never shown")
class VariableController {

    private final VariableService variables;

    VariableController(VariableService variables) {
        this.variables = variables;
    }

    @PutMapping("/projects/{project}/variables/{name}")
    @Operation(summary = "Set a variable's value for the project, or for one environment (environment: test or prod)")
    @Audited(action = "variable.put", objectType = "variable")
    VariableView put(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String name,
            @RequestBody VariableService.Change change) {
        return variables.put(actor, project, name, change);
    }

    @GetMapping("/projects/{project}/variables")
    @Operation(summary = "Every value of the project's variables; a secret's value is null")
    List<VariableView> list(@AuthenticationPrincipal UserAccount actor, @PathVariable String project) {
        return variables.list(actor, project);
    }

    @DeleteMapping("/projects/{project}/variables/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the project's value of a variable, or one environment's (?environment=)")
    @Audited(action = "variable.delete", objectType = "variable")
    void delete(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String name,
            @RequestParam(required = false) String environment) {
        variables.delete(actor, project, name, environment);
    }

    @GetMapping("/projects/{project}/variables/resolved")
    @Operation(summary = "The values statements in an environment see (none given: the project's), secrets decrypted, "
            + "for the SQL gateway's service account only; it names the end user in " + OnBehalfOf.HEADER)
    @Audited(action = "variable.read_resolved", objectType = "project")
    List<VariableView> resolved(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String project,
            @RequestParam(required = false) String environment,
            @RequestHeader(name = OnBehalfOf.HEADER, required = false) String onBehalfOf) {
        return variables.resolvedForGateway(actor, project, environment, onBehalfOf);
    }
}
