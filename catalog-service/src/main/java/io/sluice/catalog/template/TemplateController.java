package io.sluice.catalog.template;

import io.sluice.catalog.audit.Audited;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.TemplateView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "templates", description = "Typed SQL templates of a project and the platform's presets: immutable versions, rendered injection-safe")
class TemplateController {

    private final TemplateService templates;
    private final TemplateRendering rendering;

    TemplateController(TemplateService templates, TemplateRendering rendering) {
        this.templates = templates;
        this.rendering = rendering;
    }

    @PostMapping("/projects/{project}/templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a new version of a template: {name, description, sql, parameters: [{name, kind, list, "
            + "enumValues, table, defaultValue, description}]}")
    @Audited(action = "template.create", objectType = "project")
    TemplateView create(@AuthenticationPrincipal UserAccount actor, @PathVariable String project, @RequestBody NewTemplate body) {
        return templates.create(actor, project, body);
    }

    @GetMapping("/projects/{project}/templates")
    @Operation(summary = "The newest version of each of the project's templates and of each platform preset")
    List<TemplateView> list(@AuthenticationPrincipal UserAccount actor, @PathVariable String project) {
        return templates.list(actor, project);
    }

    @GetMapping("/projects/{project}/templates/{name}")
    @Operation(summary = "The project's template of that name, else the preset; the newest version unless ?version= names one")
    TemplateView get(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String name,
            @RequestParam(required = false) Integer version) {
        return templates.get(actor, project, name, version);
    }

    @GetMapping("/projects/{project}/templates/{name}/versions")
    @Operation(summary = "Every version of the template, newest first")
    List<TemplateView> versions(@AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String name) {
        return templates.versions(actor, project, name);
    }

    @PostMapping("/projects/{project}/templates/{name}/render")
    @Operation(summary = "The statement a run would execute in an environment, secrets masked: {version?, environment? "
            + "(test), zone? (UTC), values: {parameter: value}}")
    TemplateRendering.Rendered render(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String name,
            @RequestBody(required = false) TemplateRendering.Render body) {
        return rendering.render(actor, project, name, body);
    }
}
