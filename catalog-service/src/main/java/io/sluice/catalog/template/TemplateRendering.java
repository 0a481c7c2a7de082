package io.sluice.catalog.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.ProjectAccess;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.TableService;
import io.sluice.catalog.variable.VariableService;
import io.sluice.contract.TemplateView;
import io.sluice.templates.BoundStatement;
import io.sluice.templates.BuiltInVariables;
import io.sluice.templates.TemplateBinder;
import io.sluice.templates.TemplateException;
import io.sluice.templates.Variables;
import io.sluice.templates.flink.StructureCheck;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders a template as the gateway would run it in an environment, for the user to see: values bound against the
 * tables the user sees there, the built-in and the project's variables bound, the structure proved unchanged, and
 * every secret variable masked.
 */
@Service
public class TemplateRendering {

    private static final String DEFAULT_ENVIRONMENT = "test";

    private final TemplateService templates;
    private final VariableService variables;
    private final TableService tables;
    private final ProjectAccess access;
    private final IdentityService identity;
    private final Clock clock;

    TemplateRendering(TemplateService templates, VariableService variables, TableService tables, ProjectAccess access,
            IdentityService identity, Clock clock) {
        this.templates = templates;
        this.variables = variables;
        this.tables = tables;
        this.access = access;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * What to render: a version (null: the newest), an environment (null: test), the session's time zone for the
     * built-in date and time variables (null: UTC), and the parameters' values (text, or JSON for lists and numbers).
     */
    public record Render(Integer version, String environment, String zone, Map<String, JsonNode> values) {}

    /** The statement as shown: secrets masked. */
    public record Rendered(String template, int version, String environment, String sql) {}

    @Transactional(readOnly = true)
    public Rendered render(UserAccount actor, String projectName, String name, Render body) {
        Project project = identity.project(projectName);
        access.requireReader(actor, project, TemplateService.ITEMS);
        Render request = body == null ? new Render(null, null, null, null) : body;
        TemplateView view = templates.version(project, name, request.version());
        Environment environment = Environment.parse("environment",
                request.environment() == null ? DEFAULT_ENVIRONMENT : request.environment());
        tables.requireCatalogReader(actor, environment);
        Variables bindable = BuiltInVariables.of(project.name(), environment.spelling(), zone(request.zone()), clock)
                .then(Variables.of(variables.bindable(project, environment)));
        BoundStatement bound = TemplateBinder.bind(TemplateRules.template(view), values(request.values()), bindable,
                new PublishedTables(tables, actor, environment));
        try {
            StructureCheck.check(bound);
        } catch (TemplateException refused) {
            // the library keeps secrets out of its messages; a render shows nothing that could hold one regardless
            throw new TemplateException(refused.parameter(), masked(refused.getMessage(), bound.secretValues()));
        }
        return new Rendered(view.name(), view.version(), environment.spelling(), bound.display());
    }

    private static ZoneId zone(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw CatalogException.invalid("zone", "zone must be a time zone such as UTC, Europe/Berlin or +02:00");
        }
    }

    /** A value in JSON as its text form: a string as it is, a list or a number as its JSON. */
    private static Map<String, String> values(Map<String, JsonNode> values) {
        Map<String, String> text = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((parameter, value) -> {
                if (value != null && !value.isNull()) {
                    text.put(parameter, value.isTextual() ? value.asText() : value.toString());
                }
            });
        }
        return text;
    }

    private static String masked(String message, Set<String> secrets) {
        String masked = message;
        for (String secret : secrets) {
            masked = masked.replace(secret, "***");
        }
        return masked;
    }
}
