package io.sluice.catalog.access;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Names;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.Table;
import io.sluice.catalog.table.TableService;
import io.sluice.catalog.workflow.Decisions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications for privileges: apply, withdraw, and a data admin's approval (which writes the grant) or rejection. */
@Service
@Transactional
public class ApplicationService {

    private final ApplicationRepository applications;
    private final AccessService access;
    private final TableService tables;
    private final IdentityService identity;

    ApplicationService(ApplicationRepository applications, AccessService access, TableService tables, IdentityService identity) {
        this.applications = applications;
        this.access = access;
        this.tables = tables;
        this.identity = identity;
    }

    /** Whom an application is for: the applicant's project, the applicant, or both (one application each). */
    public enum ApplyFor {
        PROJECT,
        USER,
        BOTH;

        @com.fasterxml.jackson.annotation.JsonValue
        public String spelling() {
            return Names.spelling(this);
        }
    }

    public record Apply(String environment, List<Privilege> privileges, List<String> columns, ApplyFor applyFor, String project, String reason) {}

    public List<Application> apply(UserAccount applicant, String tableName, Apply apply) {
        Table table = tables.visible(applicant, tableName);
        Environment environment = AccessService.servingEnvironment(apply.environment());
        ApplyFor applyFor = apply.applyFor() == null ? ApplyFor.USER : apply.applyFor();
        Project project = project(applicant, apply.project());
        GrantRules.check(table, access.columnsIn(table, environment), apply.privileges(), apply.columns(), applyFor != ApplyFor.USER);
        if (table.ownerProject().equals(project.name()) && applyFor != ApplyFor.USER) {
            throw CatalogException.conflict("project", "project '" + project.name() + "' owns '" + table.name() + "' and holds every privilege on it");
        }
        List<Long> ids = new ArrayList<>();
        if (applyFor != ApplyFor.USER) {
            ids.add(file(table, environment, applicant, project, GranteeType.PROJECT, project.id(), apply));
        }
        if (applyFor != ApplyFor.PROJECT) {
            ids.add(file(table, environment, applicant, project, GranteeType.USER, applicant.id(), apply));
        }
        return ids.stream().map(this::get).toList();
    }

    public Application approve(UserAccount approver, long id, String comment) {
        Application application = decidable(approver, id);
        Table table = tables.get(application.tableId());
        decide(application, ApplicationStatus.APPROVED, approver, comment);
        access.grantApplication(table, application.environment(), application.granteeType(), application.granteeId(),
                application.privileges(), application.columns(), application.id(), approver.getUsername());
        return get(id);
    }

    public Application reject(UserAccount approver, long id, String comment) {
        Application application = decidable(approver, id);
        Decisions.requireReason(comment, name(application), application.applicant());
        decide(application, ApplicationStatus.REJECTED, approver, comment);
        return get(id);
    }

    public Application withdraw(UserAccount actor, long id) {
        Application application = get(id);
        Decisions.checkWithdrawer(actor, name(application), application.applicant(), application.status(), pending(application));
        decide(application, ApplicationStatus.WITHDRAWN, actor, null);
        return get(id);
    }

    @Transactional(readOnly = true)
    public Application get(long id) {
        return applications.find(id).orElseThrow(() -> CatalogException.notFound("application", id));
    }

    /** One application, for those its list shows it to; to anyone else it does not exist. */
    @Transactional(readOnly = true)
    public Application view(UserAccount caller, long id) {
        return applications.find(id)
                .filter(application -> ApplicationVisibility.maySee(caller, application))
                .orElseThrow(() -> CatalogException.notFound("application", id));
    }

    /** In-progress or ended applications: the caller's own, or everyone's for a data admin. */
    @Transactional(readOnly = true)
    public PageResult<Application> list(UserAccount caller, boolean ended, boolean everyone, PageQuery page) {
        if (everyone) {
            IdentityService.requireRole(caller, PlatformRole.DATA_ADMIN, "list everyone's applications");
        }
        return applications.list(ended, everyone ? null : caller.getUsername(), page);
    }

    private long file(Table table, Environment environment, UserAccount applicant, Project project, GranteeType type, long granteeId, Apply apply) {
        if (applications.pendingExists(table.id(), environment, type, granteeId)) {
            throw CatalogException.conflict(
                    "applyFor", "an application for " + type.spelling() + " " + (type == GranteeType.PROJECT ? project.name() : applicant.getUsername())
                            + " on " + environment.spelling() + "." + table.name() + " is already pending; withdraw it or wait for its decision");
        }
        return applications.insert(table.id(), environment, applicant.getUsername(), project.id(), type, granteeId,
                apply.privileges(), apply.columns(), apply.reason());
    }

    /** The project applied for: the named one, which the applicant must belong to, or else their first project. */
    private Project project(UserAccount applicant, String name) {
        var principal = identity.principal(applicant, name);
        if (principal.project() == null) {
            throw CatalogException.invalid("project", applicant.getUsername() + " belongs to no project; a project admin must add them first");
        }
        return identity.project(principal.project());
    }

    private Application decidable(UserAccount approver, long id) {
        Application application = get(id);
        Decisions.checkDecider(approver, name(application), application.applicant(), application.status(), pending(application));
        return application;
    }

    private void decide(Application application, ApplicationStatus status, UserAccount actor, String comment) {
        Decisions.requireDecidedHere(
                applications.decide(application.id(), status, actor.getUsername(), comment), name(application));
    }

    private static String name(Application application) {
        return "application " + application.id();
    }

    private static boolean pending(Application application) {
        return application.status() == ApplicationStatus.PENDING;
    }
}
