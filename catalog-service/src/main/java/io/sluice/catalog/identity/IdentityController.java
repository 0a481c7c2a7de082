package io.sluice.catalog.identity;

import io.sluice.catalog.audit.Audited;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.contract.PrincipalView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "identity", description = "Users, projects, members, tokens and the principal of a set of credentials")
class IdentityController {

    private final IdentityService identity;

    IdentityController(IdentityService identity) {
        this.identity = identity;
    }

    record MemberRole(ProjectRole role) {}

    /** {@code validForHours}: how long the token works; left out, until it is revoked. */
    record NewToken(String name, Integer validForHours) {}

    @GetMapping("/principal")
    @Operation(summary = "Who the caller's credentials belong to, and the project a session works for",
            description = "The SQL gateway calls this with the credentials a client opened a session with.")
    PrincipalView principal(@AuthenticationPrincipal UserAccount actor, @RequestParam(required = false) String project) {
        return identity.principal(actor, project);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Audited(action = "user.create", objectType = "user")
    UserSummary createUser(@AuthenticationPrincipal UserAccount actor, @RequestBody IdentityService.NewUser user) {
        return identity.createUser(actor, user);
    }

    @GetMapping("/users")
    PageResult<UserSummary> users(
            @AuthenticationPrincipal UserAccount actor,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return identity.users(actor, PageQuery.of(page, size));
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    @Audited(action = "project.create", objectType = "project")
    Project createProject(@AuthenticationPrincipal UserAccount actor, @RequestBody IdentityService.NewProject project) {
        return identity.createProject(actor, project);
    }

    @GetMapping("/projects")
    PageResult<Project> projects(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return identity.projects(PageQuery.of(page, size));
    }

    @GetMapping("/projects/{project}")
    Project project(@PathVariable String project) {
        return identity.project(project);
    }

    @GetMapping("/projects/{project}/members")
    List<Member> members(@AuthenticationPrincipal UserAccount actor, @PathVariable String project) {
        return identity.members(actor, project);
    }

    @PutMapping("/projects/{project}/members/{username}")
    @Audited(action = "project.member.put", objectType = "project")
    Member putMember(
            @AuthenticationPrincipal UserAccount actor,
            @PathVariable String project,
            @PathVariable String username,
            @RequestBody MemberRole body) {
        return identity.putMember(actor, project, username, body.role());
    }

    @DeleteMapping("/projects/{project}/members/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Audited(action = "project.member.remove", objectType = "project")
    void removeMember(@AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String username) {
        identity.removeMember(actor, project, username);
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a bearer token for the caller; the token is shown only in this response")
    @Audited(action = "token.issue", objectType = "token")
    IssuedToken issueToken(@AuthenticationPrincipal UserAccount actor, @RequestBody NewToken body) {
        return identity.issueToken(actor, body.name(), body.validForHours());
    }

    @GetMapping("/tokens")
    List<ApiToken> tokens(@AuthenticationPrincipal UserAccount actor) {
        return identity.tokens(actor);
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Audited(action = "token.revoke", objectType = "token")
    void revokeToken(@AuthenticationPrincipal UserAccount actor, @PathVariable long id) {
        identity.revokeToken(actor, id);
    }
}
