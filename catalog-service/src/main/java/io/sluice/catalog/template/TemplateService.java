package io.sluice.catalog.template;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.ProjectAccess;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.TemplateView;
import io.sluice.catalog.variable.VariableService;
import io.sluice.templates.Template;
import io.sluice.templates.Variables;
import io.sluice.templates.flink.StructureCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's templates and the platform's presets: immutable versions numbered from 1 per name. A project's own
 * template of a name comes before a preset of that name, and no project may take a preset's name.
 */
@Service
@Transactional
public class TemplateService {

    static final String ITEMS = "templates";

    private final TemplateRepository templates;
    private final ProjectAccess access;
    private final IdentityService identity;
    private final VariableService variables;

    TemplateService(TemplateRepository templates, ProjectAccess access, IdentityService identity, VariableService variables) {
        this.templates = templates;
        this.access = access;
        this.identity = identity;
        this.variables = variables;
    }

    /** Saves the next version of a project's template, once the library accepts it. */
    public TemplateView create(UserAccount actor, String projectName, NewTemplate body) {
        Project project = identity.project(projectName);
        access.requireDeveloper(actor, project, ITEMS);
        String name = TemplateRules.name(body == null ? null : body.name());
        if (templates.newest(null, name).isPresent()) {
            throw CatalogException.conflict("name", "'" + name + "' is the name of a platform preset; a project's template "
                    + "may not take it: choose another name");
        }
        int version = templates.newest(project.id(), name).map(v -> v.version() + 1).orElse(1);
        return store(project, TemplateRules.template(body, version), actor.getUsername());
    }

    /** The newest version of each of the project's templates, then of each preset. */
    @Transactional(readOnly = true)
    public List<TemplateView> list(UserAccount actor, String projectName) {
        Project project = identity.project(projectName);
        access.requireReader(actor, project, ITEMS);
        List<TemplateView> all = new ArrayList<>(templates.newestOfEach(project.id()));
        all.addAll(templates.newestOfEach(null));
        return all;
    }

    /** A version of the template the project means by {@code name}; the newest when {@code version} is null. */
    @Transactional(readOnly = true)
    public TemplateView get(UserAccount actor, String projectName, String name, Integer version) {
        Project project = identity.project(projectName);
        access.requireReader(actor, project, ITEMS);
        return version(project, name, version);
    }

    /** Every version of the template the project means by {@code name}, newest first. */
    @Transactional(readOnly = true)
    public List<TemplateView> versions(UserAccount actor, String projectName, String name) {
        Project project = identity.project(projectName);
        access.requireReader(actor, project, ITEMS);
        return versions(project, name);
    }

    TemplateView version(Project project, String name, Integer version) {
        List<TemplateView> versions = versions(project, name);
        if (version == null) {
            return versions.get(0);
        }
        return versions.stream().filter(v -> v.version() == version).findFirst().orElseThrow(() -> CatalogException.missing(
                "template " + versions.get(0).name() + " has no version " + version + "; its versions are "
                        + (versions.size() == 1 ? "1 only" : "1 to " + versions.get(0).version())));
    }

    private List<TemplateView> versions(Project project, String name) {
        String normalized = name.toLowerCase(Locale.ROOT);
        List<TemplateView> own = templates.versions(project.id(), normalized);
        List<TemplateView> versions = own.isEmpty() ? templates.versions(null, normalized) : own;
        if (versions.isEmpty()) {
            throw CatalogException.missing("template '" + name + "' does not exist in project " + project.name()
                    + " or among the platform's presets");
        }
        return versions;
    }

    /**
     * Checks a template on Flink's parser, with the project's variables (a preset: the built-in ones only), and
     * stores it; {@code project} null stores a preset.
     */
    TemplateView store(Project project, Template template, String user) {
        StructureCheck.validate(template, project == null ? Variables.none() : Variables.of(variables.declared(project)));
        TemplateView view = new TemplateView(template.name(), template.version(), project == null ? null : project.name(),
                template.description(), template.sql(), template.parameters().stream().map(TemplateRules::view).toList(), user);
        try {
            templates.insert(project == null ? null : project.id(), view);
        } catch (DuplicateKeyException concurrent) {
            throw CatalogException.conflict("name", "version " + template.version() + " of template '" + template.name()
                    + "' was saved by someone else just now; save again to make the next version");
        }
        return view;
    }
}
