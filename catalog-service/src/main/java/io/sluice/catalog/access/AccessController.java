package io.sluice.catalog.access;

import io.sluice.catalog.audit.Audited;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Names;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.AccessCheck;
import io.sluice.contract.AccessDecision;
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
@Tag(name = "access", description = "Whitelist grants, public tables, blacklists, applications and access decisions")
class AccessController {

    private final AccessService access;
    private final ApplicationService applications;

    AccessController(AccessService access, ApplicationService applications) {
        this.access = access;
        this.applications = applications;
    }

    record Decision(String comment) {}

    @PostMapping("/access/decisions")
    @Operation(summary = "May these principals do these actions to these tables? One decision per check, with the rule that decided")
    List<AccessDecision> decide(@AuthenticationPrincipal UserAccount caller, @RequestBody List<AccessCheck> checks) {
        return access.decide(caller, checks);
    }

    @PostMapping("/access/whitelist")
    @Operation(summary = "Grant privileges on many tables to many projects and users (column grants: users only)")
    @Audited(action = "access.whitelist", objectType = "table")
    List<Grant> whitelist(@AuthenticationPrincipal UserAccount actor, @RequestBody AccessService.WhitelistChange change) {
        return access.whitelist(actor, change);
    }

    @DeleteMapping("/access/grants/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Audited(action = "access.revoke", objectType = "grant")
    void revoke(@AuthenticationPrincipal UserAccount actor, @PathVariable long id) {
        access.revoke(actor, id);
    }

    @PutMapping("/access/public")
    @Audited(action = "access.public", objectType = "table")
    List<AccessService.TableAccessView> setPublic(@AuthenticationPrincipal UserAccount actor, @RequestBody AccessService.PublicChange change) {
        return access.setPublic(actor, change);
    }

    @PutMapping("/access/blacklist")
    @Audited(action = "access.blacklist", objectType = "table")
    List<AccessService.TableAccessView> blacklist(@AuthenticationPrincipal UserAccount actor, @RequestBody AccessService.BlacklistChange change) {
        return access.blacklist(actor, change);
    }

    @GetMapping("/tables/{table}/access")
    AccessService.TableAccessView tableAccess(
            @AuthenticationPrincipal UserAccount caller, @PathVariable String table, @RequestParam String environment) {
        return access.view(caller, table, Environment.parse("environment", environment));
    }

    @PostMapping("/tables/{table}/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply for privileges on a table for your project, yourself, or both (one application each)")
    @Audited(action = "application.apply", objectType = "table")
    List<Application> apply(@AuthenticationPrincipal UserAccount actor, @PathVariable String table, @RequestBody ApplicationService.Apply apply) {
        return applications.apply(actor, table, apply);
    }

    @GetMapping("/applications")
    @Operation(summary = "Applications in progress (state=in_progress) or ended (state=ended): yours, or everyone's (scope=all, data admins)")
    PageResult<Application> listApplications(
            @AuthenticationPrincipal UserAccount actor,
            @RequestParam(defaultValue = "in_progress") String state,
            @RequestParam(defaultValue = "mine") String scope,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return applications.list(
                actor,
                Names.parse(ApplicationState.class, "state", state) == ApplicationState.ENDED,
                Names.parse(ApplicationScope.class, "scope", scope) == ApplicationScope.ALL,
                PageQuery.of(page, size));
    }

    @GetMapping("/applications/{id}")
    Application application(@AuthenticationPrincipal UserAccount actor, @PathVariable long id) {
        return applications.view(actor, id);
    }

    @PostMapping("/applications/{id}/approve")
    @Audited(action = "application.approve", objectType = "application")
    Application approve(@AuthenticationPrincipal UserAccount actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
        return applications.approve(actor, id, body == null ? null : body.comment());
    }

    @PostMapping("/applications/{id}/reject")
    @Audited(action = "application.reject", objectType = "application")
    Application reject(@AuthenticationPrincipal UserAccount actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
        return applications.reject(actor, id, body == null ? null : body.comment());
    }

    @PostMapping("/applications/{id}/withdraw")
    @Audited(action = "application.withdraw", objectType = "application")
    Application withdraw(@AuthenticationPrincipal UserAccount actor, @PathVariable long id) {
        return applications.withdraw(actor, id);
    }

    enum ApplicationState { IN_PROGRESS, ENDED }

    enum ApplicationScope { MINE, ALL }
}
