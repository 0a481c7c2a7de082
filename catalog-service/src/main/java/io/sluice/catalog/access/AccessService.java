package io.sluice.catalog.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sluice.catalog.changes.ChangeFeed;
import io.sluice.contract.ChangeKind;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Names;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.ProjectRole;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.Column;
import io.sluice.catalog.table.Publication;
import io.sluice.catalog.table.Table;
import io.sluice.catalog.table.TableService;
import io.sluice.contract.AccessCheck;
import io.sluice.contract.AccessDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The whitelist, public and blacklist settings of tables, and decisions on who may do what. */
@Service
@Transactional
public class AccessService {

    private final AccessRepository access;
    private final TableService tables;
    private final IdentityService identity;
    private final ChangeFeed changes;

    AccessService(AccessRepository access, TableService tables, IdentityService identity, ChangeFeed changes) {
        this.access = access;
        this.tables = tables;
        this.identity = identity;
        this.changes = changes;
    }

    /** Grants privileges on many tables to many projects and users at once; all or nothing. */
    public record WhitelistChange(
            String environment, List<String> tables, List<String> projects, List<String> users, List<Privilege> privileges,
            List<String> columns) {}

    /** Makes many tables public (select for every project) or private again. */
    public record PublicChange(String environment, List<String> tables, @JsonProperty("public") Boolean isPublic) {}

    /** Puts projects and users on, or takes them off, the blacklists of many tables. */
    public record BlacklistChange(String environment, List<String> tables, List<String> projects, List<String> users, Boolean listed) {}

    /** A table's access settings in one environment. */
    public record TableAccessView(
            String table, Environment environment, boolean isPublic, List<String> blacklistedProjects, List<String> blacklistedUsers,
            List<Grant> grants) {}

    public List<Grant> whitelist(UserAccount actor, WhitelistChange change) {
        Environment environment = servingEnvironment(change.environment());
        List<String> projects = orEmpty(change.projects());
        List<String> users = orEmpty(change.users());
        if (projects.isEmpty() && users.isEmpty()) {
            throw CatalogException.invalid("projects", "name the projects or users to grant to");
        }
        List<Table> targets = stewardedTables(actor, change.tables(), environment);
        List<Project> grantedProjects = projects.stream().map(identity::project).toList();
        List<UserAccount> grantedUsers = users.stream().map(identity::user).toList();
        for (Table table : targets) {
            GrantRules.check(table, columnsIn(table, environment), change.privileges(), change.columns(), !projects.isEmpty());
        }
        List<Grant> written = new ArrayList<>();
        for (Table table : targets) {
            for (Privilege privilege : change.privileges()) {
                for (Project project : grantedProjects) {
                    access.grant(table.id(), environment, GranteeType.PROJECT, project.id(), privilege, null, null, actor.getUsername());
                }
                for (UserAccount user : grantedUsers) {
                    access.grant(table.id(), environment, GranteeType.USER, user.id(), privilege, change.columns(), null, actor.getUsername());
                }
            }
            written.addAll(access.grants(table.id(), environment));
            changes.record(ChangeKind.ACCESS, environment, table.name());
        }
        return written;
    }

    /** Writes the grants an approved application asked for. */
    void grantApplication(Table table, Environment environment, GranteeType type, long granteeId, List<Privilege> privileges,
                          List<String> columns, long applicationId, String approver) {
        for (Privilege privilege : privileges) {
            access.grant(table.id(), environment, type, granteeId, privilege, columns, applicationId, approver);
        }
        changes.record(ChangeKind.ACCESS, environment, table.name());
    }

    public void revoke(UserAccount actor, long grantId) {
        Grant grant = access.grant(grantId).orElseThrow(() -> CatalogException.notFound("grant", grantId));
        requireSteward(actor, tables.get(grant.table()));
        access.revoke(grantId);
        changes.record(ChangeKind.ACCESS, grant.environment(), grant.table());
    }

    public List<TableAccessView> setPublic(UserAccount actor, PublicChange change) {
        Environment environment = servingEnvironment(change.environment());
        if (change.isPublic() == null) {
            throw CatalogException.invalid("public", "say public: true or public: false");
        }
        List<Table> targets = stewardedTables(actor, change.tables(), environment);
        for (Table table : targets) {
            access.setPublic(table.id(), environment, change.isPublic(), actor.getUsername());
            changes.record(ChangeKind.ACCESS, environment, table.name());
        }
        return targets.stream().map(t -> view(t, environment)).toList();
    }

    public List<TableAccessView> blacklist(UserAccount actor, BlacklistChange change) {
        Environment environment = servingEnvironment(change.environment());
        if (change.listed() == null) {
            throw CatalogException.invalid("listed", "say listed: true to deny, listed: false to lift");
        }
        if (orEmpty(change.projects()).isEmpty() && orEmpty(change.users()).isEmpty()) {
            throw CatalogException.invalid("projects", "name the projects or users to blacklist");
        }
        List<Table> targets = stewardedTables(actor, change.tables(), environment);
        List<Project> projects = orEmpty(change.projects()).stream().map(identity::project).toList();
        List<UserAccount> users = orEmpty(change.users()).stream().map(identity::user).toList();
        for (Table table : targets) {
            projects.forEach(p -> access.blacklist(table.id(), environment, GranteeType.PROJECT, p.id(), change.listed(), actor.getUsername()));
            users.forEach(u -> access.blacklist(table.id(), environment, GranteeType.USER, u.id(), change.listed(), actor.getUsername()));
            changes.record(ChangeKind.ACCESS, environment, table.name());
        }
        return targets.stream().map(t -> view(t, environment)).toList();
    }

    @Transactional(readOnly = true)
    public TableAccessView view(UserAccount caller, String tableName, Environment environment) {
        return view(tables.visible(caller, tableName), environment);
    }

    /**
     * Answers access questions. The gateway asks for any principal; anyone else only for themselves,
     * so that nobody can probe another user's grants.
     */
    @Transactional(readOnly = true)
    public List<AccessDecision> decide(UserAccount caller, List<AccessCheck> checks) {
        if (checks == null || checks.isEmpty()) {
            throw CatalogException.invalid("checks", "send a JSON array of checks {user, project, environment, table, action, columns}");
        }
        List<AccessDecision> decisions = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            decisions.add(decide(caller, checks.get(i), "[" + i + "]"));
        }
        return decisions;
    }

    private AccessDecision decide(UserAccount caller, AccessCheck check, String field) {
        if (check.user() == null || check.table() == null || check.environment() == null || check.action() == null) {
            throw CatalogException.invalid(field, field + ": user, environment, table and action are required");
        }
        if (!caller.has(PlatformRole.GATEWAY) && !caller.getUsername().equals(check.user())) {
            throw CatalogException.forbidden("you may ask about your own access only; the gateway asks for others");
        }
        Environment environment = servingEnvironment(check.environment());
        Privilege action = Names.parse(Privilege.class, field + ".action", check.action());
        Optional<Table> table = tables.findVisible(caller, check.table());
        if (table.isEmpty()) {
            return new AccessDecision(false, "not_published", "there is no table '" + check.table() + "'");
        }
        Optional<UserAccount> user = identity.findUser(check.user());
        if (user.isEmpty()) {
            return new AccessDecision(false, "no_grant", "there is no user '" + check.user() + "'");
        }
        String project = check.project();
        if (project != null && identity.findProject(project).flatMap(p -> identity.roleIn(user.get(), p)).isEmpty()) {
            return new AccessDecision(false, "not_member", check.user() + " is not a member of project '" + project + "'");
        }
        return AccessRules.decide(facts(table.get(), environment), check.user(), project, action, check.columns());
    }

    TableAccess facts(Table table, Environment environment) {
        Optional<Publication> publication = tables.publication(table, environment);
        List<String> columns = publication
                .map(p -> tables.schema(table, p.version()).columns().stream().map(Column::name).toList())
                .orElse(List.of());
        return new TableAccess(
                table.name(),
                environment.spelling(),
                table.ownerProject(),
                table.type(),
                publication.isPresent(),
                access.isPublic(table.id(), environment),
                columns,
                access.blacklisted(table.id(), environment, GranteeType.PROJECT),
                access.blacklisted(table.id(), environment, GranteeType.USER),
                access.grants(table.id(), environment));
    }

    /** The columns of the version an environment sees; granting needs the table published there. */
    List<Column> columnsIn(Table table, Environment environment) {
        Publication publication = tables.publication(table, environment).orElseThrow(() -> CatalogException.conflict(
                "environment", "'" + table.name() + "' is not published to " + environment.spelling() + "; publish it first"));
        return tables.schema(table, publication.version()).columns();
    }

    /** Data admins steward every table; a project admin stewards the tables the project owns. */
    void requireSteward(UserAccount actor, Table table) {
        if (actor.has(PlatformRole.DATA_ADMIN)) {
            return;
        }
        Project owner = identity.project(table.ownerProjectId());
        if (identity.roleIn(actor, owner).orElse(null) != ProjectRole.PROJECT_ADMIN) {
            throw CatalogException.forbidden(
                    "only a data_admin or a project_admin of '" + owner.name() + "' may change who can use '" + table.name() + "'");
        }
    }

    static Environment servingEnvironment(String value) {
        if (value == null) {
            throw CatalogException.invalid("environment", "environment is required: test or prod");
        }
        Environment environment = Environment.parse("environment", value);
        if (environment == Environment.DESIGN) {
            throw CatalogException.invalid("environment", "access is granted per environment: test or prod, not design");
        }
        return environment;
    }

    private List<Table> stewardedTables(UserAccount actor, List<String> names, Environment environment) {
        if (names == null || names.isEmpty()) {
            throw CatalogException.invalid("tables", "name at least one table");
        }
        List<Table> targets = names.stream().distinct().map(name -> tables.visible(actor, name)).toList();
        for (Table table : targets) {
            requireSteward(actor, table);
            columnsIn(table, environment);
        }
        return targets;
    }

    private TableAccessView view(Table table, Environment environment) {
        return new TableAccessView(
                table.name(), environment, access.isPublic(table.id(), environment),
                access.blacklisted(table.id(), environment, GranteeType.PROJECT).stream().sorted().toList(),
                access.blacklisted(table.id(), environment, GranteeType.USER).stream().sorted().toList(),
                access.grants(table.id(), environment));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
