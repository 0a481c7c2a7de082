package io.sluice.catalog.audit;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Names;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.UserAccount;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "Who did what, when, to which object, with which outcome (admins only)")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    PageResult<AuditEntry> query(
            @AuthenticationPrincipal UserAccount actor,
            @RequestParam(required = false) String actorName,
            @RequestParam(required = false) String onBehalfOf,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectName,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (!actor.has(PlatformRole.DATA_ADMIN) && !actor.has(PlatformRole.SYSTEM_ADMIN)) {
            throw CatalogException.forbidden("only a data_admin or a system_admin may read the audit log");
        }
        var query = new AuditLog.Query(actorName, onBehalfOf, action, objectType, objectName, Names.parse(Outcome.class, "outcome", outcome), from, to);
        return log.query(query, PageQuery.of(page, size));
    }

}
