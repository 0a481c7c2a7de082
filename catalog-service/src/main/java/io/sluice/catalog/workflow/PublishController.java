package io.sluice.catalog.workflow;

import io.sluice.catalog.audit.Audited;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Names;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.identity.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "publish workflow", description = "design → test → prod, each step a request a data admin approves or rejects")
class PublishController {

    private final PublishService publishing;

    PublishController(PublishService publishing) {
        this.publishing = publishing;
    }

    record Decision(String comment) {}

    @PostMapping("/tables/{table}/publish-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask to publish a table to test (its newest design version) or to prod (the version test has)")
    @Audited(action = "publish.request", objectType = "table")
    PublishRequest request(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String table, @RequestBody PublishService.PublishAsk ask) {
        return publishing.request(actor, table, ask);
    }

    @GetMapping("/publish-requests")
    PageResult<PublishRequest> list(
            @AuthenticationPrincipal UserAccount caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String environment,
            @RequestParam(required = false) String requestedBy,
            @RequestParam(required = false) String table,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return publishing.list(
                caller,
                Names.parse(PublishStatus.class, "status", status),
                environment == null ? null : Environment.parse("environment", environment),
                requestedBy,
                table,
                PageQuery.of(page, size));
    }

    @GetMapping("/publish-requests/{id}")
    PublishRequest get(@AuthenticationPrincipal UserAccount caller, @PathVariable long id) {
        return publishing.get(caller, id);
    }

    @PostMapping("/publish-requests/{id}/approve")
    @Operation(summary = "Approve: creates the topic on a managed Kafka source, then the environment sees the version")
    @Audited(action = "publish.approve", objectType = "publish_request")
    PublishRequest approve(@AuthenticationPrincipal UserAccount actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
        return publishing.approve(actor, id, body == null ? null : body.comment());
    }

    @PostMapping("/publish-requests/{id}/reject")
    @Audited(action = "publish.reject", objectType = "publish_request")
    PublishRequest reject(@AuthenticationPrincipal UserAccount actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
        return publishing.reject(actor, id, body == null ? null : body.comment());
    }

    @PostMapping("/publish-requests/{id}/withdraw")
    @Audited(action = "publish.withdraw", objectType = "publish_request")
    PublishRequest withdraw(@AuthenticationPrincipal UserAccount actor, @PathVariable long id) {
        return publishing.withdraw(actor, id);
    }

}
