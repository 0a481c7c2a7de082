package io.sluice.gateway.templates;

import io.sluice.contract.PrincipalView;
import io.sluice.contract.TemplateParameterView;
import io.sluice.contract.TemplateView;
import io.sluice.gateway.catalog.EnvironmentCatalog;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.templates.BoundStatement;
import io.sluice.templates.BuiltInVariables;
import io.sluice.templates.ExecuteTemplate;
import io.sluice.templates.Parameter;
import io.sluice.templates.ParameterKind;
import io.sluice.templates.ParameterType;
import io.sluice.templates.Template;
import io.sluice.templates.TemplateBinder;
import io.sluice.templates.TemplateException;
import io.sluice.templates.Variables;
import io.sluice.templates.flink.StructureCheck;

import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.CatalogManager;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The render stage of the statement pipeline, before the gate: runs {@code EXECUTE TEMPLATE …} as the template's
 * statement with its values bound, and binds {@code ${variables}} in any other statement. A statement without
 * either passes unchanged and costs nothing. Every bound statement is proven on Flink's parser to have its template's
 * structure; the gate then judges it as any other statement.
 */
public final class TemplateRendering {

    private final CatalogServiceClient catalogService;
    private final SecretRedactor redactor;
    private final Clock clock;

    public TemplateRendering(CatalogServiceClient catalogService, SecretRedactor redactor, Clock clock) {
        this.catalogService = catalogService;
        this.redactor = redactor;
        this.clock = clock;
    }

    /**
     * @throws ClientError (400) naming the parameter or variable a value or template was refused for; (404) for an
     *     unknown template or version
     */
    public Rendered render(String statement, PrincipalView principal, TableEnvironmentInternal tableEnvironment) {
        Optional<ExecuteTemplate> run;
        try {
            run = ExecuteTemplate.parse(statement);
            if (run.isEmpty() && !TemplateBinder.hasPlaceholders(statement)) {
                return Rendered.plain(statement);
            }
        } catch (TemplateException malformed) {
            throw ClientError.badRequest(malformed.getMessage()).raise();
        }
        if (principal.project() == null) {
            throw ClientError.badRequest("Templates and ${variables} belong to a project, and this session has none: "
                    + "open the session for one of your projects.").raise();
        }
        CatalogManager catalogs = tableEnvironment.getCatalogManager();
        String environment = currentEnvironment(catalogs);
        Variables variables =
                BuiltInVariables.of(principal.project(), environment, tableEnvironment.getConfig().getLocalTimeZone(), clock)
                        .then(new ProjectVariables(catalogService, principal.project(), environment, principal.user()));
        try {
            if (run.isEmpty()) {
                return checked(TemplateBinder.bindVariables(statement, withoutSecrets(variables)), null);
            }
            Template template = template(principal.project(), run.get());
            BoundStatement bound =
                    TemplateBinder.bind(template, run.get().values(), variables, new SessionIdentifiers(catalogs));
            return checked(bound, template.name() + " version " + template.version());
        } catch (TemplateException refused) {
            throw ClientError.badRequest(redactor.redact(refused.getMessage())).raise();
        } catch (CatalogServiceException failed) {
            throw (failed.unreachable()
                            ? ClientError.unavailable(failed.getMessage())
                            : failed.status() == 404 ? ClientError.notFound(failed.getMessage())
                            : ClientError.badRequest(failed.getMessage()))
                    .raise();
        }
    }

    private Rendered checked(BoundStatement bound, String template) {
        // remembered before the check, so that no message of the check or of Flink can show a secret
        redactor.remember(bound.secretValues());
        StructureCheck.check(bound);
        return new Rendered(bound.sql(), bound, template);
    }

    /**
     * A secret variable binds only into a saved template, whose statement its author fixed: a statement typed in a
     * session could copy the value into a table its user reads.
     */
    private static Variables withoutSecrets(Variables variables) {
        return name -> variables.lookup(name).map(variable -> {
            if (variable.secret()) {
                throw new TemplateException(name, "variable '" + name + "' is secret: it can be used only in a saved "
                        + "template's INSERT (run with EXECUTE TEMPLATE), where no statement typed in a session can "
                        + "show or copy its value");
            }
            return variable;
        });
    }

    private Template template(String project, ExecuteTemplate run) {
        TemplateView view = catalogService.template(project, run.name(),
                run.version().isPresent() ? run.version().getAsInt() : null);
        return new Template(view.name(), view.version(), view.description(), view.sql(),
                view.parameters().stream().map(TemplateRendering::parameter).toList());
    }

    private static Parameter parameter(TemplateParameterView view) {
        ParameterKind kind = ParameterKind.valueOf(view.kind().toUpperCase(Locale.ROOT));
        return new Parameter(view.name(), new ParameterType(kind, view.list(), view.enumValues(), view.table()),
                view.defaultValue(), view.description());
    }

    /** The environment whose variable values apply: the session's current catalog, when it is an environment. */
    private static String currentEnvironment(CatalogManager catalogs) {
        String current = catalogs.getCurrentCatalog();
        return current != null && catalogs.getCatalog(current).filter(EnvironmentCatalog.class::isInstance).isPresent()
                ? current
                : null;
    }
}
