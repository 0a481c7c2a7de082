package io.sluice.catalog.function;

import io.sluice.catalog.changes.ChangeFeed;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.workflow.Decisions;
import io.sluice.catalog.workflow.PublishStatus;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which version an environment runs. A project's developers switch test themselves; prod runs what a data admin
 * approved, under the rules every decided request follows ({@link Decisions}). A rollback is an activation of an
 * earlier version. Each switch reaches the gateways through the change feed.
 */
@Service
@Transactional
public class FunctionActivations {

    private final FunctionRepository functions;
    private final FunctionService service;
    private final FunctionAccess access;
    private final IdentityService identity;
    private final ChangeFeed changes;

    FunctionActivations(
            FunctionRepository functions, FunctionService service, FunctionAccess access, IdentityService identity,
            ChangeFeed changes) {
        this.functions = functions;
        this.service = service;
        this.access = access;
        this.identity = identity;
        this.changes = changes;
    }

    /** What a developer asks for: the version to run, and for prod why. */
    public record Ask(Integer version, String comment) {}

    /** Test switches at once (the answer holds no request); prod gets a pending request. */
    public record Outcome(FunctionView function, ActivationRequest request) {}

    public Outcome activate(UserAccount actor, String projectName, String name, String environmentName, Ask ask) {
        Project project = identity.project(projectName);
        access.requireDeveloper(actor, project);
        Environment environment = Environment.parse("environment", environmentName);
        if (environment == Environment.DESIGN) {
            throw CatalogException.invalid("environment", "functions run in test and prod; design has no sessions");
        }
        String function = FunctionService.normalized(name);
        FunctionView view = service.view(project, function);
        if (ask == null || ask.version() == null) {
            throw CatalogException.invalid("version", "version is required: one of " + versions(view));
        }
        int version = ask.version();
        if (view.versions().stream().noneMatch(v -> v.version() == version)) {
            throw CatalogException.invalid("version", "'" + function + "' has no version " + version + "; it has " + versions(view));
        }
        if (Integer.valueOf(version).equals(view.active().get(environment.spelling()))) {
            throw CatalogException.conflict("version", "version " + version + " of '" + function + "' is already active in "
                    + environment.spelling());
        }
        long id = service.functionId(project, function);
        if (environment == Environment.TEST) {
            switchTo(project, function, id, environment, version, actor.getUsername());
            return new Outcome(service.view(project, function), null);
        }
        view.pending().stream().filter(r -> r.environment() == environment).findFirst().ifPresent(r -> {
            throw CatalogException.conflict("environment", r.describe() + " for '" + function + "' in prod is still pending; "
                    + "withdraw it or wait for its decision");
        });
        long request = functions.insertRequest(id, environment, version, actor.getUsername(), ask.comment());
        return new Outcome(service.view(project, function), get(request));
    }

    public ActivationRequest approve(UserAccount approver, long id, String comment) {
        ActivationRequest request = get(id);
        Decisions.checkDecider(approver, request.describe(), request.requestedBy(), request.status(), pending(request));
        Decisions.requireDecidedHere(functions.decide(id, PublishStatus.APPROVED, approver.getUsername(), comment), request.describe());
        Project project = identity.project(request.project());
        switchTo(project, request.function(), request.functionId(), request.environment(), request.version(), approver.getUsername());
        return get(id);
    }

    public ActivationRequest reject(UserAccount approver, long id, String comment) {
        ActivationRequest request = get(id);
        Decisions.checkDecider(approver, request.describe(), request.requestedBy(), request.status(), pending(request));
        Decisions.requireReason(comment, request.describe(), request.requestedBy());
        Decisions.requireDecidedHere(functions.decide(id, PublishStatus.REJECTED, approver.getUsername(), comment), request.describe());
        return get(id);
    }

    public ActivationRequest withdraw(UserAccount actor, long id) {
        ActivationRequest request = get(id);
        Decisions.checkWithdrawer(actor, request.describe(), request.requestedBy(), request.status(), pending(request));
        Decisions.requireDecidedHere(functions.decide(id, PublishStatus.WITHDRAWN, actor.getUsername(), null), request.describe());
        return get(id);
    }

    /** Requests with a status, for data admins' queue and for the members of the requests' projects. */
    @Transactional(readOnly = true)
    public List<ActivationRequest> list(UserAccount actor, PublishStatus status) {
        return functions.requests(status == null ? PublishStatus.PENDING : status).stream()
                .filter(r -> mayRead(actor, r))
                .toList();
    }

    @Transactional(readOnly = true)
    public ActivationRequest get(UserAccount actor, long id) {
        ActivationRequest request = get(id);
        if (!mayRead(actor, request)) {
            throw CatalogException.notFound("activation request", id);
        }
        return request;
    }

    private boolean mayRead(UserAccount actor, ActivationRequest request) {
        try {
            access.requireReader(actor, identity.project(request.project()));
            return true;
        } catch (CatalogException notAMember) {
            return false;
        }
    }

    private ActivationRequest get(long id) {
        return functions.request(id).orElseThrow(() -> CatalogException.notFound("activation request", id));
    }

    private void switchTo(Project project, String function, long id, Environment environment, int version, String user) {
        functions.activate(id, environment, version, user);
        changes.recordFunction(project.name(), environment, function);
    }

    private static boolean pending(ActivationRequest request) {
        return request.status() == PublishStatus.PENDING;
    }

    private static String versions(FunctionView view) {
        return view.versions().stream().map(v -> String.valueOf(v.version())).sorted().reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
