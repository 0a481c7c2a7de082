package io.sluice.catalog.identity;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Names;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.contract.PrincipalView;
import io.sluice.contract.ProjectMembershipView;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, projects, memberships and tokens, and the rules on who may change them. */
@Service
@Transactional
public class IdentityService {

    static final int MIN_PASSWORD_LENGTH = 8;

    private final UserRepository users;
    private final ProjectRepository projects;
    private final TokenRepository tokens;
    private final PasswordEncoder passwords;

    IdentityService(UserRepository users, ProjectRepository projects, TokenRepository tokens, PasswordEncoder passwords) {
        this.users = users;
        this.projects = projects;
        this.tokens = tokens;
        this.passwords = passwords;
    }

    public record NewUser(String username, String displayName, String password, Set<PlatformRole> platformRoles) {}

    public record NewProject(String name, String displayName, String description) {}

    public UserSummary createUser(UserAccount actor, NewUser user) {
        requireRole(actor, PlatformRole.SYSTEM_ADMIN, "create users");
        return createUser(user);
    }

    /** Creates a user without an acting admin: for bootstrapping an empty catalog and the demo. */
    public UserSummary createUser(NewUser user) {
        Names.require("username", user.username(), 2, 64);
        if (user.password() == null || user.password().length() < MIN_PASSWORD_LENGTH) {
            throw CatalogException.invalid(
                    "password", "password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (users.exists(user.username())) {
            throw CatalogException.conflict("username", "a user named '" + user.username() + "' already exists");
        }
        Set<PlatformRole> roles = user.platformRoles() == null ? Set.of() : user.platformRoles();
        String displayName = blankToNull(user.displayName()) == null ? user.username() : user.displayName();
        users.insert(user.username(), displayName, passwords.encode(user.password()), roles);
        return new UserSummary(user.username(), displayName, roles);
    }

    @Transactional(readOnly = true)
    public PageResult<UserSummary> users(UserAccount actor, PageQuery page) {
        requireRole(actor, PlatformRole.SYSTEM_ADMIN, "list users");
        return users.list(page);
    }

    public boolean hasUsers() {
        return users.count() > 0;
    }

    public Project createProject(UserAccount actor, NewProject project) {
        requireRole(actor, PlatformRole.SYSTEM_ADMIN, "create projects");
        return createProject(project);
    }

    public Project createProject(NewProject project) {
        Names.require("name", project.name(), 2, 64);
        if (projects.exists(project.name())) {
            throw CatalogException.conflict("name", "a project named '" + project.name() + "' already exists");
        }
        String displayName = blankToNull(project.displayName()) == null ? project.name() : project.displayName();
        return projects.insert(project.name(), displayName, blankToNull(project.description()));
    }

    @Transactional(readOnly = true)
    public PageResult<Project> projects(PageQuery page) {
        return projects.list(page);
    }

    @Transactional(readOnly = true)
    public Project project(String name) {
        return findProject(name).orElseThrow(() -> CatalogException.notFound("project", name));
    }

    @Transactional(readOnly = true)
    public Optional<Project> findProject(String name) {
        return projects.find(name);
    }

    @Transactional(readOnly = true)
    public Project project(long id) {
        return projects.findById(id).orElseThrow(() -> CatalogException.notFound("project", id));
    }

    public Member putMember(UserAccount actor, String projectName, String username, ProjectRole role) {
        Project project = project(projectName);
        requireProjectAdmin(actor, project);
        return putMember(project, username, role);
    }

    public Member putMember(Project project, String username, ProjectRole role) {
        if (role == null) {
            throw CatalogException.invalid("role", "role is required: one of project_admin, developer, operator, viewer");
        }
        UserAccount user = user(username);
        projects.putMember(project.id(), user.id(), role);
        return new Member(project.name(), username, role);
    }

    public void removeMember(UserAccount actor, String projectName, String username) {
        Project project = project(projectName);
        requireProjectAdmin(actor, project);
        if (!projects.removeMember(project.id(), user(username).id())) {
            throw CatalogException.notFound("member of project " + projectName, username);
        }
    }

    @Transactional(readOnly = true)
    public List<Member> members(UserAccount caller, String projectName) {
        Project project = project(projectName);
        if (!MemberVisibility.maySee(caller, roleIn(caller, project))) {
            throw CatalogException.forbidden(
                    "only members of '" + project.name() + "', data admins and system admins may see its members");
        }
        return projects.members(project.id());
    }

    /** The caller's role in a project, if a member. */
    @Transactional(readOnly = true)
    public Optional<ProjectRole> roleIn(UserAccount user, Project project) {
        return projects.membershipsOf(user.id()).stream()
                .filter(m -> m.project().equals(project.name()))
                .map(Member::role)
                .findFirst();
    }

    /** Whether the user designs the tables of at least one project (project admin or developer there). */
    @Transactional(readOnly = true)
    public boolean designsTablesAnywhere(UserAccount user) {
        return projects.membershipsOf(user.id()).stream().anyMatch(m -> m.role().designsTables());
    }

    /** Longest life a token can be given: a year. */
    static final int MOST_VALID_HOURS = 24 * 366;

    /** A token valid until revoked. */
    public IssuedToken issueToken(UserAccount actor, String name) {
        return issueToken(actor, name, null);
    }

    /** @param validForHours how long the token works (1 to {@link #MOST_VALID_HOURS}); null: until revoked */
    public IssuedToken issueToken(UserAccount actor, String name, Integer validForHours) {
        Names.require("name", name, 1, 64);
        if (validForHours != null && (validForHours < 1 || validForHours > MOST_VALID_HOURS)) {
            throw CatalogException.invalid("validForHours", "must be between 1 and " + MOST_VALID_HOURS
                    + " hours, or left out for a token that works until it is revoked");
        }
        OffsetDateTime expiresAt = validForHours == null ? null
                : OffsetDateTime.now().plusHours(validForHours).truncatedTo(ChronoUnit.SECONDS);
        String token = Tokens.newToken();
        long id = tokens.insert(actor.id(), name, Tokens.fingerprint(token), expiresAt);
        return new IssuedToken(id, name, token, expiresAt);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokens(UserAccount actor) {
        return tokens.ofUser(actor.id());
    }

    public void revokeToken(UserAccount actor, long tokenId) {
        if (!tokens.revoke(actor.id(), tokenId)) {
            throw CatalogException.notFound("live token of " + actor.getUsername(), tokenId);
        }
    }

    /** The user a live bearer token belongs to. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> userOfToken(String token) {
        return tokens.liveTokenOwner(Tokens.fingerprint(token)).flatMap(users::findById);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findUser(String username) {
        return users.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public UserAccount user(String username) {
        return users.findByUsername(username).orElseThrow(() -> CatalogException.notFound("user", username));
    }

    /**
     * Who the caller is and which project a session works for: the named one (the caller must be a
     * member), or else the first project the caller belongs to.
     */
    @Transactional(readOnly = true)
    public PrincipalView principal(UserAccount actor, String projectName) {
        List<Member> memberships = projects.membershipsOf(actor.id());
        Optional<Member> chosen = projectName == null || projectName.isBlank()
                ? memberships.stream().min(Comparator.comparing(Member::project))
                : memberships.stream().filter(m -> m.project().equals(projectName)).findFirst();
        if (chosen.isEmpty() && projectName != null && !projectName.isBlank()) {
            project(projectName);
            throw CatalogException.forbidden(
                    actor.getUsername() + " is not a member of project '" + projectName
                            + "'; ask one of its project admins to add you");
        }
        return new PrincipalView(
                actor.getUsername(),
                actor.displayName(),
                chosen.map(Member::project).orElse(null),
                chosen.map(m -> m.role().spelling()).orElse(null),
                actor.platformRoles().stream().map(PlatformRole::spelling).sorted().toList(),
                memberships.stream().map(m -> new ProjectMembershipView(m.project(), m.role().spelling())).toList(),
                mountableEnvironments(actor).stream().map(Environment::spelling).toList());
    }

    /**
     * The environments whose catalog a user may mount: every environment that has one (test and prod), for every
     * signed-in user. A catalog shows table definitions only, the same to everyone; whether a user may read or
     * write a table is decided per table by the access-decision API. The gateway mounts no other environment
     * (it reads this list from the principal) and the catalog endpoint serves no other.
     */
    public List<Environment> mountableEnvironments(UserAccount actor) {
        return Environment.WITH_CATALOG;
    }

    /** Refuses a user the catalog of an environment it may not mount, naming those it may. */
    public void requireMountable(UserAccount actor, Environment environment) {
        List<Environment> mountable = mountableEnvironments(actor);
        if (!mountable.contains(environment)) {
            throw CatalogException.forbidden(
                    actor.getUsername() + " may not read the catalog of " + environment.spelling() + "; it may read "
                            + (mountable.isEmpty()
                                    ? "none"
                                    : String.join(", ", mountable.stream().map(Environment::spelling).toList())));
        }
    }

    public static void requireRole(UserAccount actor, PlatformRole role, String toDoWhat) {
        if (!actor.has(role)) {
            throw CatalogException.forbidden(
                    "only a " + role.spelling() + " may " + toDoWhat + "; " + actor.getUsername() + " is not one");
        }
    }

    private void requireProjectAdmin(UserAccount actor, Project project) {
        if (actor.has(PlatformRole.SYSTEM_ADMIN)) {
            return;
        }
        if (roleIn(actor, project).orElse(null) != ProjectRole.PROJECT_ADMIN) {
            throw CatalogException.forbidden(
                    "only a system_admin or a project_admin of '" + project.name() + "' may change its members");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
